import { ApiError } from "./errors";
import { createApiClient, fetchText, filenameFromDisposition, setCsrfToken, setUnauthorizedHandler, unwrap } from "./client";

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

describe("API client", () => {
  afterEach(() => {
    setCsrfToken(null);
    setUnauthorizedHandler(null);
  });

  it("sends X-CSRF-Token on unsafe methods only", async () => {
    const seen: Request[] = [];
    const client = createApiClient((request: Request) => {
      seen.push(request);
      return Promise.resolve(jsonResponse(200, { success: true, data: null }));
    });
    setCsrfToken("tok-123");
    await client.GET("/api/v1/auth/me");
    await client.POST("/api/v1/auth/logout");
    expect(seen[0]?.headers.get("X-CSRF-Token")).toBeNull();
    expect(seen[1]?.headers.get("X-CSRF-Token")).toBe("tok-123");
  });

  it("unwraps the envelope's data", async () => {
    const session = { admin: { id: 1, username: "admin", last_login_at: null }, csrf_token: "c", expires_at: null, auth_method: "session" };
    const client = createApiClient(() => Promise.resolve(jsonResponse(200, { success: true, data: session })));
    await expect(unwrap(client.GET("/api/v1/auth/me"))).resolves.toEqual(session);
  });

  it("throws an ApiError carrying the envelope's code and message", async () => {
    const client = createApiClient(() =>
      Promise.resolve(jsonResponse(401, { success: false, error: { code: "INVALID_CREDENTIALS", message: "Invalid username or password" } })),
    );
    const failure = unwrap(client.POST("/api/v1/auth/login", { body: { username: "a", password: "b" } }));
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, code: "INVALID_CREDENTIALS" });
  });

  it("reports a network failure in words", async () => {
    const client = createApiClient(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(unwrap(client.GET("/api/v1/auth/me"))).rejects.toMatchObject({ code: "NETWORK_ERROR" });
  });

  it("calls the session-expiry handler on a 401 from a data call, not from login or me", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const client = createApiClient(() =>
      Promise.resolve(jsonResponse(401, { success: false, error: { code: "UNAUTHORIZED", message: "Authentication required" } })),
    );
    await client.GET("/api/v1/auth/me");
    await client.POST("/api/v1/auth/login", { body: { username: "a", password: "b" } });
    expect(handler).not.toHaveBeenCalled();
    await client.POST("/api/v1/auth/logout");
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it("downloads text with its file name and reports 401 as expiry", async () => {
    const handler = vi.fn();
    setUnauthorizedHandler(handler);
    const fetchMock = vi.spyOn(globalThis, "fetch");
    fetchMock.mockResolvedValueOnce(
      new Response("#EXTM3U\n", { status: 200, headers: { "content-disposition": `attachment; filename*=UTF-8''%D0%98%D0%B2%D0%B0%D0%BD.m3u8` } }),
    );
    await expect(fetchText("/x")).resolves.toEqual({ text: "#EXTM3U\n", filename: "Иван.m3u8" });
    fetchMock.mockResolvedValueOnce(jsonResponse(401, { success: false, error: { code: "UNAUTHORIZED", message: "Sign in" } }));
    await expect(fetchText("/x")).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    fetchMock.mockRestore();
  });

  it("parses plain Content-Disposition file names", () => {
    expect(filenameFromDisposition('attachment; filename="Ivanov_Ivan_AG-1.m3u8"')).toBe("Ivanov_Ivan_AG-1.m3u8");
    expect(filenameFromDisposition("inline")).toBeNull();
  });
});
