/** Only same-app paths may be a post-login destination (no "//evil.example" or absolute URLs). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  if (next.startsWith("/login")) return "/";
  return next;
}

export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const here = `${location.pathname}${location.search}${location.hash ?? ""}`;
  return here === "/" ? "/login" : `/login?next=${encodeURIComponent(here)}`;
}
