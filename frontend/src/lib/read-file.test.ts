import { formatBytes, typesInWords, uploadProblem } from "./read-file";

const RULES = { maxBytes: 256 * 1024, types: ["image/png", "image/jpeg", "image/gif", "image/webp"] };

describe("logo files", () => {
  it("takes an image of an accepted type within the limit", () => {
    expect(uploadProblem({ name: "a.png", type: "image/png", size: 256 * 1024 }, RULES)).toBeNull();
    expect(uploadProblem({ name: "a.webp", type: "image/webp", size: 10 }, RULES)).toBeNull();
  });

  it("refuses another type (or none) before reading it", () => {
    expect(uploadProblem({ name: "notes.txt", type: "text/plain", size: 10 }, RULES)).toBe(
      "notes.txt is not a PNG, JPEG, GIF or WebP image.",
    );
    expect(uploadProblem({ name: "logo.svg", type: "image/svg+xml", size: 10 }, RULES)).not.toBeNull();
    expect(uploadProblem({ name: "logo", type: "", size: 10 }, RULES)).not.toBeNull();
  });

  it("refuses a file over the server's limit, saying both sizes", () => {
    expect(uploadProblem({ name: "big.png", type: "image/png", size: 256 * 1024 + 1 }, RULES)).toBe(
      "big.png is 262,145 bytes, over the 256 KB limit for logos.",
    );
    expect(uploadProblem({ name: "huge.jpg", type: "image/jpeg", size: 3 * 1024 * 1024 }, RULES)).toBe(
      "huge.jpg is 3 MB, over the 256 KB limit for logos.",
    );
  });

  it("says sizes and types in words", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(1536 * 1024)).toBe("1.5 MB");
    expect(typesInWords(["image/png"])).toBe("PNG");
    expect(typesInWords(["image/png", "image/avif"])).toBe("PNG or AVIF");
  });
});
