import type { Locator } from "@playwright/test";
import { apiOf, expect, horizontalOverflow, login, snap, test } from "./fixtures";

/** How far the text of `element` starts from its table cell's left edge. */
async function indentInCell(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const cell = el.closest("td");
    if (!cell) throw new Error("not in a table cell");
    return range.getBoundingClientRect().left - cell.getBoundingClientRect().left;
  });
}

test.describe("at 1024px", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("the channels and users tables keep their action columns on screen; the sidebar folds away", async ({ page }) => {
    await login(page);
    const api = await apiOf(page);
    await api("POST", "/channels/sync");
    const suffix = Date.now().toString(36);
    const packages: number[] = [];
    for (const name of ["Спорт", "Кино", "Детям"]) packages.push(((await api("POST", "/packages", { name: `${name} ${suffix}` })) as { id: number }).id);
    const channel = ((await api("GET", "/channels?search=russia24")) as { items: { id: number }[] }).items[0];
    await api("PATCH", `/channels/${channel.id}/packages`, { package_ids: packages });
    await api("POST", "/users", { first_name: "Широкий", last_name: "Экран", agreement_number: `W-${suffix}` });

    await page.goto("/channels?search=russia24");
    const row = page.locator("tr", { hasText: "russia24" });
    await expect(row.getByRole("button", { name: /^Edit / })).toBeInViewport();
    // Three packages: one compact line, not a pill each.
    await expect(row.getByRole("button", { name: /^Packages of .*: 3 packages$/ })).toHaveText("3 packages");
    expect((await row.boundingBox())?.height).toBeLessThanOrEqual(60);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snap(page, "channels-1024");

    await page.goto(`/users?search=W-${suffix}`);
    await expect(page.getByRole("button", { name: "Playlist of Экран Широкий" })).toBeInViewport();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await snap(page, "users-1024");

    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Groups" })).not.toBeInViewport();
    // Folded away, its links are no Tab stops either.
    await expect(nav).toHaveAttribute("inert");
    await page.getByRole("button", { name: "Toggle navigation" }).filter({ visible: true }).click();
    await expect(nav).not.toHaveAttribute("inert");
    await expect(nav.getByRole("link", { name: "Groups" })).toBeInViewport();
    await nav.getByRole("link", { name: "Groups" }).click();
    await expect(page).toHaveURL(/\/groups$/);
    await expect(nav.getByRole("link", { name: "Groups" })).not.toBeInViewport();
  });
});

test("right-to-left names keep to their column's left edge; toasts stay below the headers", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  const name = `ערוץ ${Date.now().toString(36)} חדשות`;
  await api("POST", "/groups", { name });
  await page.goto("/groups");
  const text = page.getByText(name, { exact: true });
  expect(await indentInCell(text)).toBeLessThan(24);

  await page.getByRole("button", { name: `Edit ${name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
  const toast = page.getByRole("alert").filter({ hasText: `Group "${name}" saved` });
  await expect(toast).toBeVisible();
  // Below the app header (Logout) and the page's own main button, which is often clicked again next.
  const add = await page.getByRole("button", { name: "Add Group" }).boundingBox();
  expect((await toast.boundingBox())?.y).toBeGreaterThanOrEqual((add?.y ?? 0) + (add?.height ?? 56));
  await snap(page, "groups-rtl");
});

test("keyboard: the first Tab stop skips to the page content", async ({ page }) => {
  await login(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});
