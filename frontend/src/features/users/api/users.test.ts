import { ApiError } from "@/api/errors";
import { savedUserId } from "./users";

test("a failed create names the saved user in its details", () => {
  const error = new ApiError(502, "AUTH_SERVICE_ERROR", "saved, not pushed", { details: [{ field: "id", message: "17" }] });
  expect(savedUserId(error)).toBe(17);
});

test("no usable id means no saved user to open", () => {
  expect(savedUserId(new ApiError(502, "AUTH_SERVICE_ERROR", "down"))).toBeNull();
  expect(savedUserId(new ApiError(502, "AUTH_SERVICE_ERROR", "x", { details: [{ field: "id", message: "x" }] }))).toBeNull();
  expect(savedUserId(new Error("network"))).toBeNull();
});
