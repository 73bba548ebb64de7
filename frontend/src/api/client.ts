import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, networkError, toApiError } from "./errors";
import type { components, paths } from "./generated/schema";

export type Schemas = components["schemas"];
export { ApiError };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const CSRF_HEADER = "X-CSRF-Token";

// The CSRF token lives in memory only: it comes from /auth/login or /auth/me (spec: session cookie + header).
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

/** `write`: the refused call was a change (POST/PUT/PATCH/DELETE), which therefore was not saved. */
export type UnauthorizedHandler = (call: { write: boolean }) => void;
let unauthorizedHandler: UnauthorizedHandler | null = null;
/** Called whenever an API call answers 401 (the session expired or was revoked). */
export function setUnauthorizedHandler(handler: UnauthorizedHandler | null): void {
  unauthorizedHandler = handler;
}

// 401 from these means "wrong password" / "not signed in yet", not "your session just expired".
const AUTH_PROBES = ["/api/v1/auth/login", "/api/v1/auth/me"];

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (UNSAFE_METHODS.has(request.method.toUpperCase()) && csrfToken) {
      request.headers.set(CSRF_HEADER, csrfToken);
    }
    return request;
  },
};

export const unauthorizedMiddleware: Middleware = {
  onResponse({ request, response }) {
    if (response.status === 401) {
      const path = new URL(request.url, "http://localhost").pathname;
      if (!AUTH_PROBES.includes(path)) unauthorizedHandler?.({ write: UNSAFE_METHODS.has(request.method.toUpperCase()) });
    }
    return response;
  },
};

export function createApiClient(fetchImpl?: (request: Request) => Promise<Response>) {
  const client = createClient<paths>({
    // Absolute, same origin: Request() outside a browser (tests) cannot take a relative URL.
    baseUrl: typeof window === "undefined" ? "" : window.location.origin,
    credentials: "same-origin",
    // Read the global lazily so tests can swap it.
    fetch: fetchImpl ?? ((input: Request) => globalThis.fetch(input)),
  });
  client.use(csrfMiddleware, unauthorizedMiddleware);
  return client;
}

export const api = createApiClient();

type FetchResult = { data?: unknown; error?: unknown; response: Response };
type Payload<R> = R extends { data?: infer D } ? D : never;
/** The `data` member of the success envelope in an openapi-fetch result type (null for empty envelopes). */
export type EnvelopeData<R> = NonNullable<Payload<R>> extends { data: infer T } ? T : null;

/** Await an openapi-fetch call and return the envelope's `data`, or throw an ApiError. */
export async function unwrap<R extends FetchResult>(call: Promise<R>): Promise<EnvelopeData<R>> {
  let result: R;
  try {
    result = await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw networkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok || error !== undefined) throw toApiError(response.status, error, response);
  if (typeof data === "object" && data !== null && "data" in data) return data.data as EnvelopeData<R>;
  return null as EnvelopeData<R>;
}

/** Download a non-JSON answer (a playlist file) through the same CSRF/401 handling. */
export async function fetchText(url: string): Promise<{ text: string; filename: string | null }> {
  let response: Response;
  try {
    response = await globalThis.fetch(url, { credentials: "same-origin" });
  } catch (cause) {
    throw networkError(cause);
  }
  if (response.status === 401) unauthorizedHandler?.({ write: false });
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw toApiError(response.status, body, response);
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  return { text: await response.text(), filename: filenameFromDisposition(disposition) };
}

export function filenameFromDisposition(disposition: string): string | null {
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      /* fall through to the plain form */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}
