import { ApiError } from "@/api/errors";
import { describeGuard, describeSkipped, describeSyncResult, isOrphanGuardRefusal, runErrorInWords } from "./use-flussonic-sync";

describe("sync outcomes", () => {
  it("tells the orphan guard's refusal from a sync already running", () => {
    const guard = new ApiError(409, "CONFLICT", "Would orphan 158 of 160 channels", {
      details: [{ field: "force", message: "set force=true to sync anyway" }],
    });
    const running = new ApiError(409, "CONFLICT", "A sync is already running");
    expect(isOrphanGuardRefusal(guard)).toBe(true);
    expect(isOrphanGuardRefusal(running)).toBe(false);
    expect(isOrphanGuardRefusal(new Error("x"))).toBe(false);
  });

  it("words the guard's refusal without the API's force=true", () => {
    const guard = new ApiError(409, "CONFLICT", "Refused: … or sync with force=true to orphan them anyway.", {
      details: [{ field: "force", message: "would orphan 158 of 160 synced channels" }],
    });
    expect(describeGuard(guard)).toBe("This sync would orphan 158 of 160 synced channels.");
    expect(describeGuard(guard)).not.toMatch(/force/);
    expect(runErrorInWords("Check Flussonic, or sync with force=true to orphan them anyway.")).toBe(
      "Check Flussonic, or sync again and press “Sync anyway” to orphan them anyway.",
    );
  });

  it("describes a result in words", () => {
    const text = describeSyncResult({
      run_id: 1, total: 160, new: 2, updated: 3, unchanged: 155, orphaned: 1, restored: 0, forced: false,
      skipped: 0, skipped_streams: [], started_at: "", finished_at: "",
    });
    expect(text).toBe("160 channels in Flussonic, 2 new, 3 updated, 1 newly orphaned");
  });

  it("names the skipped streams and counts the ones it could not name", () => {
    const skips = {
      skipped: 12,
      skipped_streams: [
        { name: "bad", reason: "name contains a NUL character" },
        { name: null, reason: "no usable name: Expected `str` of length >= 1 - at `$.name`" },
      ],
    };
    expect(describeSkipped(skips)).toEqual([
      "bad: name contains a NUL character",
      "(no name): no usable name: Expected `str` of length >= 1 - at `$.name`",
      "…and 10 more",
    ]);
    expect(describeSkipped({ skipped: 0, skipped_streams: [] })).toEqual([]);
  });
});
