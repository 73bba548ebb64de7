import { apiOf, expect, horizontalOverflow, login, setAuthServiceFaults, snap, test } from "./fixtures";

/** A 100-character name without a single space, the longest the API accepts. */
function unbroken(prefix: string, suffix: string): string {
  return (prefix + suffix).padEnd(100, "W");
}

test("100-character names without spaces wrap instead of pushing the action columns off screen", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  const suffix = Date.now().toString(36);
  const group = unbroken("Group", suffix);
  const pkg = unbroken("Package", suffix);
  const tariff = unbroken("Tariff", suffix);
  const first = unbroken("First", suffix);
  const last = unbroken("Last", suffix);
  await api("POST", "/groups", { name: group });
  const pkgId = ((await api("POST", "/packages", { name: pkg })) as { id: number }).id;
  await api("POST", "/tariffs", { name: tariff, package_ids: [pkgId] });
  await api("POST", "/users", { first_name: first, last_name: last, agreement_number: unbroken("AG", suffix) });

  await page.goto("/groups");
  await expect(page.getByRole("button", { name: `Edit ${group}` })).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await snap(page, "groups-unbroken-name");

  await page.goto("/packages");
  await expect(page.getByRole("button", { name: `Edit ${pkg}` })).toBeInViewport();
  await expect(page.getByRole("button", { name: `Edit ${tariff}` })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await snap(page, "packages-unbroken-names");

  await page.goto(`/users?search=${encodeURIComponent(first)}`);
  await expect(page.getByRole("button", { name: `Playlist of ${last} ${first}` })).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await snap(page, "users-unbroken-names");

  // The user's page: the title wraps and its Download Playlist button stays at the top right.
  await page.getByRole("link", { name: new RegExp(first) }).first().click();
  const download = page.getByRole("button", { name: `Download Playlist of ${last} ${first}` });
  await expect(download).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  // Its toast appears below the button, so a second click reaches the button (Playwright refuses to
  // click an element another one covers).
  await download.click();
  const toast = page.getByRole("alert").filter({ hasText: "Downloading" });
  await expect(toast).toBeVisible();
  const button = await download.boundingBox();
  expect((await toast.boundingBox())?.y).toBeGreaterThanOrEqual((button?.y ?? 0) + (button?.height ?? 0));
  await download.click({ timeout: 2000 });
  await snap(page, "user-page-unbroken-name-toast");
});

test("toasts stay under an open dialog and a warning closes by itself", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  const name = `Toast ${Date.now().toString(36)}`;
  await api("POST", "/groups", { name });
  await page.goto("/groups");
  await page.getByRole("button", { name: `Edit ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  const toast = page.getByRole("alert").filter({ hasText: `Group "${name}" saved` });
  await expect(toast).toBeVisible();

  await page.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Group" });
  await expect(dialog).toBeVisible();
  // Mantine draws the dialog in a fixed layer; the toasts' layer must be below it.
  const layers = await page.evaluate(() => {
    const z = (selector: string) => Number(getComputedStyle(document.querySelector(selector) as Element).zIndex);
    return { toasts: z(".mantine-Notifications-root"), dialog: z(".mantine-Modal-inner") };
  });
  expect(layers.toasts).toBeLessThan(layers.dialog);
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A warning closes by itself too (8 s): here the Auth Service refuses a regenerated token.
  const user = (await api("POST", "/users", { first_name: "Тост", last_name: "Предупреждение", agreement_number: `T-${name}` })) as { id: number };
  await page.goto(`/users/${user.id}`);
  await setAuthServiceFaults({ mode: "error_500", paths: ["/api/tokens"] });
  try {
    await page.getByRole("button", { name: "Regenerate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Regenerate" }).click();
    const warning = page.getByRole("alert").filter({ hasText: "Auth Service not updated" });
    await expect(warning).toBeVisible();
    await expect(warning).toBeHidden({ timeout: 12_000 });
  } finally {
    await setAuthServiceFaults({ mode: "ok" });
  }
});
