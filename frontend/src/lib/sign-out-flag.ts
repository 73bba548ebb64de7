// Set by an explicit Logout so the route guard sends the admin to plain /login instead of
// /login?next=<page they left>; cleared by the next sign-in.
let signedOutOnPurpose = false;

export function markSignedOut(): void {
  signedOutOnPurpose = true;
}
export function clearSignedOut(): void {
  signedOutOnPurpose = false;
}
export function wasSignedOutOnPurpose(): boolean {
  return signedOutOnPurpose;
}
