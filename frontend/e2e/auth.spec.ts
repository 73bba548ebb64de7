import { expect, login, snap, stack, test } from "./fixtures";

test("a wrong password shows the error; signing in and out works; a deep link survives login", async ({ page }) => {
  await page.goto("/channels?page=1");
  await expect(page).toHaveURL(/\/login\?next=%2Fchannels%3Fpage%3D1$/);
  await page.getByLabel("Username").fill(stack.username);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("alert")).toContainText("Invalid username or password");
  await snap(page, "login-error");

  await page.getByLabel("Password", { exact: true }).fill(stack.password);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page).toHaveURL(/\/channels\?page=1$/);

  await page.getByRole("button", { name: "Logout" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await login(page);
  await snap(page, "dashboard");
});
