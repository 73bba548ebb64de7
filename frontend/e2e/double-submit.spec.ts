import type { Locator } from "@playwright/test";
import { apiOf, countRequests, expect, login, snap, test } from "./fixtures";

// On a busy machine both clicks of a double click reach the handler before React re-renders the
// button as busy. Two clicks in one task reproduce that every time (Playwright's dblclick leaves
// time for a render between them). Each action must still send one request.
async function doubleClick(button: Locator): Promise<void> {
  await button.evaluate((element) => {
    (element as HTMLElement).click();
    (element as HTMLElement).click();
  });
}

test("a double click sends one request: Save, Delete Anyway, Regenerate, Sync", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  const suffix = Date.now().toString(36);

  await test.step("Save in the group form", async () => {
    const name = `Двойной ${suffix}`;
    await page.goto("/groups");
    const posts = countRequests(page, "POST", /^\/api\/v1\/groups$/);
    await page.getByRole("button", { name: "Add Group" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(name);
    await doubleClick(page.getByRole("dialog").getByRole("button", { name: "Save" }));
    await expect(page.getByText(`Group "${name}" added`)).toBeVisible();
    await expect(page.getByRole("cell", { name, exact: true })).toHaveCount(1);
    expect(posts.count).toBe(1);

    // The same name again: said in words, on the field.
    await page.getByRole("button", { name: "Add Group" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("dialog").getByText("A group with this name already exists")).toBeVisible();
    await snap(page, "double-submit-duplicate-name");
    await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByRole("dialog")).toBeHidden();

    await page.getByRole("button", { name: `Delete ${name}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await expect(dialog).toContainText("0 channels will be left without a group");
    const deletes = countRequests(page, "DELETE", /^\/api\/v1\/groups\/\d+$/);
    await doubleClick(dialog.getByRole("button", { name: "Delete Anyway" }));
    await expect(page.getByText(`Group "${name}" deleted`)).toBeVisible();
    expect(deletes.count).toBe(1);
  });

  await test.step("Save in the tariff form", async () => {
    const name = `Тариф ${suffix}`;
    await page.goto("/packages");
    const posts = countRequests(page, "POST", /^\/api\/v1\/tariffs$/);
    await page.getByRole("button", { name: "Add tariff" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(name);
    await doubleClick(page.getByRole("dialog").getByRole("button", { name: "Save" }));
    await expect(page.getByText(`Tariff "${name}" added`)).toBeVisible();
    expect(posts.count).toBe(1);
  });

  await test.step("Regenerate the token", async () => {
    const user = (await api("POST", "/users", { first_name: "Двойной", last_name: "Клик", agreement_number: `DBL-${suffix}` })) as {
      id: number;
    };
    await page.goto(`/users/${user.id}`);
    const posts = countRequests(page, "POST", /\/regenerate-token$/);
    await page.getByRole("button", { name: "Regenerate" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: "Cancel" })).toBeFocused();
    await doubleClick(page.getByRole("dialog").getByRole("button", { name: "Regenerate" }));
    await expect(page.getByText("New token issued")).toBeVisible();
    expect(posts.count).toBe(1);
  });

  await test.step("Sync from Flussonic", async () => {
    await page.goto("/");
    const posts = countRequests(page, "POST", /^\/api\/v1\/channels\/sync$/);
    await doubleClick(page.getByRole("button", { name: "Sync from Flussonic" }));
    await expect(page.getByText("Sync finished").first()).toBeVisible();
    await snap(page, "double-submit-sync");
    expect(posts.count).toBe(1);
  });
});
