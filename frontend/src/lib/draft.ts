// Unsaved form values kept across a sign-in (the session expired with edits on screen): stored in
// this tab's sessionStorage under the form's key, read once by the form when it mounts again.

const PREFIX = "draft:";

export function saveDraft(key: string, values: unknown): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the admin was told the change was not saved.
  }
}

/** The stored values if `isValid` accepts them; the draft is removed either way. */
export function takeDraft<T>(key: string, isValid: (value: unknown) => value is T): T | null {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(PREFIX + key);
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : null;
  } catch {
    return null;
  }
}
