import { countRequests, expect, login, snap, test } from "./fixtures";

// 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("edit a channel: TVG ID and logo upload; the API's logo refusal is shown on the field", async ({ page }) => {
  await login(page);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Channels", exact: true }).click();
  await page.getByRole("button", { name: "Sync from Flussonic" }).click();
  await expect(page.getByText("Sync finished").first()).toBeVisible();
  await page.getByRole("button", { name: "Edit Россия 24" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Stream Name")).toHaveValue("russia24");

  // The limits are stated, and a file over them is refused when picked, before any upload.
  await expect(dialog.getByText("PNG, JPEG, GIF or WebP, up to 256 KB")).toBeVisible();
  const patches = countRequests(page, "PATCH", /^\/api\/v1\/channels\/\d+$/);
  const big = Buffer.concat([PNG, Buffer.alloc(300 * 1024)]);
  await dialog.locator("input[type=file]").setInputFiles({ name: "big.png", mimeType: "image/png", buffer: big });
  await expect(dialog.getByRole("alert")).toHaveText("big.png is 300 KB, over the 256 KB limit for logos.");
  await dialog.locator("input[type=file]").setInputFiles({ name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
  await expect(dialog.getByRole("alert")).toHaveText("notes.txt is not a PNG, JPEG, GIF or WebP image.");
  await expect(dialog.getByRole("img", { name: "Logo of Россия 24" })).toHaveCount(0);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  expect(patches.count).toBe(0);
  await page.getByRole("button", { name: "Edit Россия 24" }).click();

  // Not an image: the backend checks the content and answers 422 on tvg_logo.
  await dialog.locator("input[type=file]").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from("not an image") });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await snap(page, "13-channel-edit-logo-error");

  await dialog.getByLabel("TVG ID (EPG ID)").fill("russia24-epg");
  await dialog.locator("input[type=file]").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PNG });
  await expect(dialog.getByRole("img", { name: "Logo of Россия 24" })).toBeVisible();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText('Channel "Россия 24" saved')).toBeVisible();
  const row = page.locator("tr", { hasText: "russia24-epg" });
  await expect(row.getByRole("img", { name: "Logo of Россия 24" })).toBeVisible();
});
