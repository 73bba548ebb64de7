import { ApiError } from "@/api/errors";
import { savedUserId } from "./users";

describe("a create that the Auth Service failed", () => {
  const failed = (details: { field: string | null; message: string }[]) =>
    new ApiError(502, "AUTH_SERVICE_ERROR", "Saved, but the Auth Service did not answer", { details });

  it("opens the saved user when the error names it", () => {
    expect(savedUserId(failed([{ field: "id", message: "42" }]))).toBe(42);
    expect(savedUserId(failed([{ field: "auth_service", message: "timeout" }, { field: "user_id", message: " 7 " }]))).toBe(7);
  });

  it("has no id when the error does not say, or is another error", () => {
    expect(savedUserId(new Error("network"))).toBeNull();
    expect(savedUserId(failed([]))).toBeNull();
    expect(savedUserId(failed([{ field: "id", message: "abc" }]))).toBeNull();
    expect(savedUserId(new ApiError(409, "DUPLICATE_ENTRY", "x", { details: [{ field: "id", message: "3" }] }))).toBeNull();
  });
});
