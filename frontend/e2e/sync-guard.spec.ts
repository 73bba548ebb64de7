import { expect, getFlussonicStreams, login, setFlussonicStreams, snap, test } from "./fixtures";

test("a sync that would orphan most channels asks before forcing it", async ({ page }) => {
  await login(page);
  // Make sure there is a line-up to protect, then let Flussonic "lose" almost all of it.
  await page.getByRole("button", { name: "Sync from Flussonic" }).click();
  await expect(page.getByText("Sync finished").first()).toBeVisible();
  const streams = await getFlussonicStreams();
  await setFlussonicStreams(streams.slice(0, 2));
  try {
    await page.getByRole("button", { name: "Sync from Flussonic" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("Force the sync?")).toBeVisible();
    await snap(page, "12-sync-guard");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole("button", { name: "Sync from Flussonic" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Sync anyway" }).click();
    await expect(page.getByText(/2 channels in Flussonic/).first()).toBeVisible();
  } finally {
    await setFlussonicStreams({ seed: true });
  }
  await page.getByRole("button", { name: "Sync from Flussonic" }).click();
  await expect(page.getByText(/restored/).first()).toBeVisible();
});
