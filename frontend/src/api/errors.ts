import type { components } from "./generated/schema";

export type ErrorDetail = components["schemas"]["ErrorDetail"];

/** One failed API call, in the words of the `{success: false, error}` envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: ErrorDetail[] | null; requestId?: string | null; retryAfterSeconds?: number | null } = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = options.details ?? [];
    this.requestId = options.requestId ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
  }
}

const STATUS_WORDS: Record<number, string> = {
  400: "The request was not accepted",
  401: "Please sign in",
  403: "You are not allowed to do this",
  404: "Not found",
  409: "This conflicts with the current data",
  413: "The upload is too large",
  422: "Some fields are not valid",
  429: "Too many requests, please wait and try again",
  500: "The server failed to handle the request",
  502: "An upstream service did not answer properly",
  503: "The service is unavailable right now",
  504: "The server timed out",
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function parseRetryAfter(response: Response | undefined): number | null {
  const raw = response?.headers.get("retry-after");
  if (!raw) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - Date.now()) / 1000));
}

/** Build an ApiError from whatever body an unsuccessful response had (envelope, text, nothing). */
export function toApiError(status: number, body: unknown, response?: Response): ApiError {
  const retryAfterSeconds = parseRetryAfter(response);
  if (isRecord(body) && isRecord(body.error)) {
    const err = body.error;
    const code = typeof err.code === "string" ? err.code : `HTTP_${status}`;
    const message =
      typeof err.message === "string" && err.message ? err.message : (STATUS_WORDS[status] ?? "Request failed");
    const details = Array.isArray(err.details)
      ? err.details.filter(isRecord).map((d) => ({
          field: typeof d.field === "string" ? d.field : null,
          message: typeof d.message === "string" ? d.message : String(d.message),
        }))
      : [];
    const requestId = typeof err.request_id === "string" ? err.request_id : null;
    return new ApiError(status, code, message, { details, requestId, retryAfterSeconds });
  }
  const words = STATUS_WORDS[status] ?? `The server answered with status ${status}`;
  return new ApiError(status, `HTTP_${status}`, words, { retryAfterSeconds });
}

export function networkError(cause: unknown): ApiError {
  const err = new ApiError(0, "NETWORK_ERROR", "Cannot reach the server. Check your connection and try again.");
  (err as { cause?: unknown }).cause = cause;
  return err;
}

function humanDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** The sentence to show an admin for any error. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    let text = error.message;
    if (error.status === 429 && error.retryAfterSeconds !== null && !/\d/.test(text)) {
      text = `${text} Try again in ${humanDuration(error.retryAfterSeconds)}.`;
    }
    // The generic 500 asks to quote the request id: show it, or nobody can.
    if (error.status === 500 && error.requestId) {
      text = `${text} Request id: ${error.requestId}`;
    }
    const unattached = error.details.filter((d) => d.message);
    if (error.code === "VALIDATION_ERROR" && unattached.length > 0) {
      text = `${text}: ${unattached.map((d) => (d.field ? `${d.field} — ${d.message}` : d.message)).join("; ")}`;
    }
    return text;
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong";
}

/** DUPLICATE_ENTRY names the unique column ("must be unique"); say it as the admin would. */
export function duplicateMessage(field: string, noun?: string): string {
  const what = field.replace(/_/g, " ");
  return noun ? `A ${noun} with this ${what} already exists` : `Another record already has this ${what}`;
}

/** Normalise an API field path ("body.first_name", "package_ids[2]", "$.name") to a form field name. */
export function normaliseField(field: string): string {
  let name = field.trim().replace(/^\$\.?/, "").replace(/^(body|data|query|path)\./, "");
  name = name.replace(/\[\d+\]$/, "").replace(/\.\d+$/, "");
  return name;
}

/**
 * Split a VALIDATION_ERROR's details into per-field messages for the fields the form has,
 * and the rest (to show in a toast or alert). Any other error is all "rest".
 */
export function fieldErrors(
  error: unknown,
  formFields: readonly string[],
  aliases: Record<string, string> = {},
  { noun }: { noun?: string } = {},
): { fields: Record<string, string>; rest: string | null } {
  if (!(error instanceof ApiError) || error.details.length === 0) {
    return { fields: {}, rest: errorMessage(error) };
  }
  const fields: Record<string, string> = {};
  const leftovers: ErrorDetail[] = [];
  for (const detail of error.details) {
    const raw = detail.field ? normaliseField(detail.field) : "";
    const name = aliases[raw] ?? raw;
    if (name && formFields.includes(name)) {
      const message = error.code === "DUPLICATE_ENTRY" ? duplicateMessage(raw, noun) : detail.message;
      fields[name] = fields[name] ? `${fields[name]}; ${message}` : message;
    } else {
      leftovers.push(detail);
    }
  }
  if (Object.keys(fields).length === 0) return { fields, rest: errorMessage(error) };
  const rest =
    leftovers.length > 0
      ? `${error.message}: ${leftovers.map((d) => (d.field ? `${d.field} — ${d.message}` : d.message)).join("; ")}`
      : null;
  return { fields, rest };
}
