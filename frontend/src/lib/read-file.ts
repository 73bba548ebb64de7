/** A picked file as a data URI (data:image/png;base64,…), which is what the API stores for logos. */
export function readAsDataUri(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      typeof reader.result === "string" ? resolve(reader.result) : reject(new Error(`Could not read ${file.name}`));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** What the server takes (GET /settings/ui: logo_max_bytes, logo_types). */
export interface UploadRules {
  maxBytes: number;
  types: readonly string[];
}

const TYPE_WORDS: Record<string, string> = { "image/png": "PNG", "image/jpeg": "JPEG", "image/gif": "GIF", "image/webp": "WebP" };

/** ["image/png", "image/jpeg", "image/gif"] → "PNG, JPEG or GIF". */
export function typesInWords(types: readonly string[]): string {
  const words = types.map((t) => TYPE_WORDS[t] ?? t.replace(/^image\//, "").toUpperCase());
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words.at(-1) ?? ""}` : (words[0] ?? "");
}

/** 262144 → "256 KB", 1572864 → "1.5 MB" (binary units, as the limit is set). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/**
 * Why a picked file cannot be uploaded, or null. Checked before it is read and base64-encoded (a
 * third larger), so a wrong or huge file never travels; the server still checks the content.
 */
export function uploadProblem(file: { name: string; type: string; size: number }, rules: UploadRules): string | null {
  if (!rules.types.includes(file.type)) return `${file.name} is not a ${typesInWords(rules.types)} image.`;
  if (file.size > rules.maxBytes) {
    const limit = formatBytes(rules.maxBytes);
    // Just over the limit, rounded sizes would read "256 KB, over the 256 KB limit".
    const size = formatBytes(file.size) === limit ? `${file.size.toLocaleString("en")} bytes` : formatBytes(file.size);
    return `${file.name} is ${size}, over the ${limit} limit for logos.`;
  }
  return null;
}
