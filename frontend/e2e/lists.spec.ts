import { apiOf, expect, login, test } from "./fixtures";

test("a page past the end shows the last page; paging and filters can be undone with Back", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  await api("POST", "/channels/sync");
  const { pages } = (await api("GET", "/channels?per_page=20")) as { pages: number };

  await page.goto("/channels?page=99");
  await expect(page).toHaveURL(new RegExp(`/channels\\?page=${pages}$`));
  await expect(page.locator("tbody tr").first()).toBeVisible();

  await page.goto("/channels");
  await page.getByRole("button", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/\/channels\?page=2$/);
  await page.getByRole("button", { name: "Page 3" }).click();
  await expect(page).toHaveURL(/\/channels\?page=3$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/channels\?page=2$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/channels$/);

  const users = (await api("GET", "/users?per_page=20")) as { pages: number; total: number };
  expect(users.total).toBeGreaterThan(0);
  await page.goto("/users?page=99");
  await expect(page).toHaveURL(users.pages > 1 ? new RegExp(`/users\\?page=${users.pages}$`) : /\/users(\?page=1)?$/);
  await expect(page.locator("tbody tr").first()).toBeVisible();
});
