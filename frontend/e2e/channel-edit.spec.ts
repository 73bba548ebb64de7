import { expect, login, snap, test } from "./fixtures";

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
