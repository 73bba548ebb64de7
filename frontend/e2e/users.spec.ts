import { apiOf, countRequests, expect, field, login, setAuthServiceFaults, snap, test } from "./fixtures";

test("deleting a user returns to the list with a success toast, without asking for the gone user", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  const number = `DEL-${Date.now().toString(36)}`;
  const user = (await api("POST", "/users", { first_name: "Удалить", last_name: "Меня", agreement_number: number })) as { id: number };
  await page.goto(`/users/${user.id}`);
  await expect(page.getByRole("heading", { name: "Edit User: Меня Удалить" })).toBeVisible();
  await expect(page.getByTestId("resolved-count")).toHaveText("0");

  const asked = countRequests(page, "GET", new RegExp(`^/api/v1/users/${user.id}(/|$)`));
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete Anyway" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText("User Меня Удалить deleted")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await expect(page.getByText(/not found/i)).toHaveCount(0);
  await snap(page, "user-deleted");
  expect(asked.count).toBe(0);
  // Replaced, not pushed: Back does not return to the deleted user's page.
  await page.goBack();
  await expect(page).not.toHaveURL(new RegExp(`/users/${user.id}$`));
});

test("a failed Auth Service push: the dashboard links to exactly the users it failed for", async ({ page }) => {
  await login(page);
  const number = `FAIL-${Date.now().toString(36)}`;
  await setAuthServiceFaults({ mode: "error_500", paths: ["/api/tokens"] });
  try {
    await page.goto("/users/new");
    await page.getByLabel("First Name").fill("Сбой");
    await page.getByLabel("Last Name").fill("Пуша");
    await page.getByLabel("Agreement Number").fill(number);
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByText("Saved; Auth Service not updated yet")).toBeVisible();
    // Saved here: its own page when the API names the new user, else the list searched for it.
    await expect(page).toHaveURL(new RegExp(`/users(/\\d+|\\?search=${number})$`));

    await page.goto("/");
    await page.getByRole("link", { name: "See users whose push failed" }).click();
    await expect(page).toHaveURL(/\/users\?auth_sync=failed$/);
    await expect(field(page, "Auth Service")).toHaveValue("Failed");
    await expect(page.getByRole("cell", { name: number })).toBeVisible();
    await expect(page.locator("tbody tr").filter({ hasNotText: "Auth: failed" })).toHaveCount(0);
    await snap(page, "users-auth-failed");
  } finally {
    await setAuthServiceFaults({ mode: "ok" });
  }
});

test("leaving the user form with unsaved changes asks first", async ({ page }) => {
  await login(page);
  await page.goto("/users/new");
  await page.getByLabel("First Name").fill("Несохранённый");
  await page.getByRole("link", { name: "Back to Users" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Leave without saving?")).toBeVisible();
  await snap(page, "user-form-leave");
  await dialog.getByRole("button", { name: "Stay" }).click();
  await expect(page).toHaveURL(/\/users\/new$/);
  await expect(page.getByLabel("First Name")).toHaveValue("Несохранённый");
  await page.getByRole("link", { name: "Cancel" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Leave" }).click();
  await expect(page).toHaveURL(/\/users$/);
});
