import { ApiError, errorMessage, fieldErrors, normaliseField, toApiError } from "./errors";

describe("toApiError", () => {
  it("reads the error envelope", () => {
    const err = toApiError(409, {
      success: false,
      error: { code: "DUPLICATE_ENTRY", message: "A group named News already exists", request_id: "r1" },
    });
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe("DUPLICATE_ENTRY");
    expect(err.message).toBe("A group named News already exists");
    expect(err.requestId).toBe("r1");
  });

  it("puts words on a body that is not an envelope (proxy error page)", () => {
    const err = toApiError(502, "<html>Bad Gateway</html>");
    expect(err.code).toBe("HTTP_502");
    expect(err.message).toMatch(/upstream service/);
  });

  it("adds the Retry-After wait to a 429", () => {
    const response = new Response(null, { status: 429, headers: { "Retry-After": "120" } });
    const err = toApiError(429, { error: { code: "TOO_MANY_REQUESTS", message: "Too many failed sign-ins." } }, response);
    expect(err.retryAfterSeconds).toBe(120);
    expect(errorMessage(err)).toBe("Too many failed sign-ins. Try again in 2 minutes.");
  });
});

describe("errorMessage", () => {
  it("shows the request id a 500 asks to quote", () => {
    const err = toApiError(500, {
      success: false,
      error: { code: "INTERNAL_ERROR", message: "Internal server error. Quote the request id when reporting it.", request_id: "3b1d0b02" },
    });
    expect(errorMessage(err)).toBe("Internal server error. Quote the request id when reporting it. Request id: 3b1d0b02");
  });

  it("says a 503 as the server does, with no id to quote", () => {
    const response = new Response(null, { status: 503, headers: { "Retry-After": "5" } });
    const body = {
      success: false,
      error: { code: "SERVICE_UNAVAILABLE", message: "The database is not reachable; try again shortly", request_id: "r9" },
    };
    expect(errorMessage(toApiError(503, body, response))).toBe("The database is not reachable; try again shortly");
  });
});

describe("fieldErrors", () => {
  const validation = new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
    details: [
      { field: "first_name", message: "must not be empty" },
      { field: "body.agreement_number", message: "already used" },
      { field: "package_ids[1]", message: "unknown package 99" },
      { field: "mystery", message: "odd" },
    ],
  });

  it("maps details onto the form's fields and leaves the rest for a toast", () => {
    const { fields, rest } = fieldErrors(validation, ["first_name", "agreement_number", "package_ids"]);
    expect(fields).toEqual({
      first_name: "must not be empty",
      agreement_number: "already used",
      package_ids: "unknown package 99",
    });
    expect(rest).toBe("Validation failed: mystery — odd");
  });

  it("gives the whole message when no detail fits the form", () => {
    const { fields, rest } = fieldErrors(validation, ["name"]);
    expect(fields).toEqual({});
    expect(rest).toContain("first_name — must not be empty");
  });

  it("treats non-validation errors as a message", () => {
    const { fields, rest } = fieldErrors(new ApiError(502, "AUTH_SERVICE_ERROR", "Auth Service is down"), ["name"]);
    expect(fields).toEqual({});
    expect(rest).toBe("Auth Service is down");
  });

  it("maps an API field onto the form field it belongs to", () => {
    const err = new ApiError(422, "VALIDATION_ERROR", "Validation failed", {
      details: [{ field: "valid_until_date", message: "must not be before valid_from" }],
    });
    expect(fieldErrors(err, ["valid_until"], { valid_until_date: "valid_until" }).fields).toEqual({
      valid_until: "must not be before valid_from",
    });
  });

  it("says a duplicate in words, on its field", () => {
    const dup = new ApiError(409, "DUPLICATE_ENTRY", "A record with this name already exists", {
      details: [{ field: "name", message: "must be unique" }],
    });
    expect(fieldErrors(dup, ["name"], {}, { noun: "group" })).toEqual({
      fields: { name: "A group with this name already exists" },
      rest: null,
    });
    const agreement = new ApiError(409, "DUPLICATE_ENTRY", "x", { details: [{ field: "agreement_number", message: "must be unique" }] });
    expect(fieldErrors(agreement, ["agreement_number"], {}, { noun: "user" }).fields.agreement_number).toBe(
      "A user with this agreement number already exists",
    );
    expect(fieldErrors(agreement, ["agreement_number"]).fields.agreement_number).toBe("Another record already has this agreement number");
  });

  it("normalises API field paths", () => {
    expect(normaliseField("$.tvg_logo")).toBe("tvg_logo");
    expect(normaliseField("body.valid_until")).toBe("valid_until");
    expect(normaliseField("channel_ids.3")).toBe("channel_ids");
  });
});
