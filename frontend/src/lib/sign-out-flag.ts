// Set by an explicit Logout so the route guard sends the admin to plain /login instead of
// /login?next=<page they left>; cleared by the next sign-in.
let signedOutOnPurpose = false;
// Set when an API call answered 401 mid-session, so a form being left can keep its unsaved values.
let sessionExpired = false;

export function markSignedOut(): void {
  signedOutOnPurpose = true;
}
export function markSessionExpired(): void {
  sessionExpired = true;
}
/** A sign-in starts afresh. */
export function clearSignedOut(): void {
  signedOutOnPurpose = false;
  sessionExpired = false;
}
export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}
export function hasSessionExpired(): boolean {
  return sessionExpired;
}
