import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { expect, field, getFlussonicStreams, login, setFlussonicStreams, snap, test } from "./fixtures";

// One admin's day, in order, against the real backend, PostgreSQL and simulators.
test.describe.configure({ mode: "serial" });

const GROUP = "Информационные";
const GROUP_RTL = "ערוצי ספורט";
const PACKAGE = "Базовый пакет";
const TARIFF = "Стандарт";
const FIRST = "Первый канал";
const SECOND = "Россия 24";
const THIRD = "НТВ HD";

async function dragRow(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error("drag handles are not visible");
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  // Several small moves: dnd-kit needs to see the pointer travel past its activation distance.
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2 + ((b.y - a.y + 4) * i) / steps);
    await page.waitForTimeout(20);
  }
  await page.mouse.up();
}

function nav(page: Page, name: string): Promise<void> {
  return page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name, exact: true }).click();
}

function rowNames(page: Page): Locator {
  return page.locator("tbody tr td:nth-child(4) p:first-child");
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await field(page, label).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

/** The row's compact "N packages" control: open its checklist, tick a package, close it (saves). */
async function pickPackage(page: Page, channel: string, option: string): Promise<void> {
  await page.getByRole("button", { name: `Packages of ${channel}:` }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await page.keyboard.press("Escape");
}

test("sync, catalogue, user, playlist, token, orphan cleanup, logout", async ({ page }) => {
  await test.step("log in and sync from Flussonic on the dashboard", async () => {
    await login(page);
    await snap(page, "01-dashboard-empty");
    await page.getByRole("button", { name: "Sync from Flussonic" }).click();
    await expect(page.getByText("Sync finished").first()).toBeVisible();
    // The simulator lists 160 streams; the 2 disabled ones stay out (FLUSSONIC_INCLUDE_DISABLED=false).
    await expect(page.getByLabel("Channels: 158")).toBeVisible();
    await snap(page, "02-dashboard-synced");
  });

  await test.step("add groups (Cyrillic and Hebrew names)", async () => {
    await nav(page, "Groups");
    for (const name of [GROUP, GROUP_RTL]) {
      await page.getByRole("button", { name: "Add Group" }).click();
      await page.getByRole("dialog").getByLabel("Name").fill(name);
      await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
    }
    await snap(page, "03-groups");
  });

  await test.step("add a package", async () => {
    await nav(page, "Packages & Tariffs");
    await page.getByRole("button", { name: "Add package" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(PACKAGE);
    await page.getByRole("dialog").getByLabel("Description").fill("Основные каналы");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(PACKAGE, { exact: true })).toBeVisible();
  });

  await test.step("put channels in a group and a package with the inline controls", async () => {
    await nav(page, "Channels");
    await expect(rowNames(page).first()).toHaveText(FIRST);
    await pick(page, `Group of ${FIRST}`, GROUP);
    await expect(page.getByText(`${FIRST}: group set to ${GROUP}`)).toBeVisible();
    for (const channel of [FIRST, SECOND]) {
      await pickPackage(page, channel, PACKAGE);
      await expect(page.getByText(`${channel}: 1 package`)).toBeVisible();
      await expect(page.getByRole("button", { name: `Packages of ${channel}: 1 package` })).toHaveText("1 package");
    }
    await expect(field(page, `Group of ${FIRST}`)).toHaveValue(GROUP);
    await snap(page, "04-channels", { fullPage: true });
  });

  await test.step("reorder channels by dragging", async () => {
    const handle = (name: string) => page.getByRole("button", { name: `Drag to reorder: ${name}`, exact: true });
    await dragRow(page, handle(FIRST), handle(THIRD));
    await expect(rowNames(page).nth(0)).toHaveText(SECOND);
    await expect(rowNames(page).nth(2)).toHaveText(FIRST);
    // The order is the server's, not just the screen's.
    await page.reload();
    await expect(rowNames(page).nth(0)).toHaveText(SECOND);
    await expect(rowNames(page).nth(1)).toHaveText(THIRD);
    await expect(rowNames(page).nth(2)).toHaveText(FIRST);
  });

  await test.step("create a tariff with the package", async () => {
    await nav(page, "Packages & Tariffs");
    await page.getByRole("button", { name: "Add tariff" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(TARIFF);
    await dialog.getByRole("checkbox", { name: PACKAGE }).check();
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Tariff "${TARIFF}" added`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: TARIFF });
    await expect(row.getByRole("cell").nth(1)).toHaveText("1");
    await snap(page, "05-packages-tariffs");
  });

  let token = "";
  await test.step("create a user with that tariff", async () => {
    await nav(page, "Users");
    await page.getByRole("link", { name: "Add User" }).click();
    await page.getByLabel("First Name").fill("Иван");
    await page.getByLabel("Last Name").fill("Иванов");
    await page.getByLabel("Agreement Number").fill("AG-001");
    await page.getByLabel("Max Sessions").fill("2");
    // Dates can be typed, also day-first; the field shows them as YYYY-MM-DD.
    await field(page, "Valid Until").fill("31.12.2030");
    await field(page, "Valid Until").blur();
    await expect(field(page, "Valid Until")).toHaveValue("2030-12-31");
    await pick(page, "Tariffs", TARIFF);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Create" }).click();
    await expect(page.getByRole("heading", { name: "Edit User: Иванов Иван" })).toBeVisible();
    await expect(page.getByTestId("resolved-count")).toHaveText("2");
    await expect(field(page, "Valid Until")).toHaveValue("2030-12-31");
    token = (await page.getByTestId("user-token").textContent()) ?? "";
    await snap(page, "06-user-detail");
  });

  await test.step("preview the playlist", async () => {
    await page.getByRole("button", { name: "Preview Playlist" }).click();
    const preview = page.getByTestId("playlist-preview");
    await expect(preview).toContainText("#EXTM3U");
    await expect(preview).toContainText(FIRST);
    await expect(preview).toContainText(SECOND);
    await expect(preview).toContainText(`group-title="${GROUP}"`);
    await snap(page, "07-playlist-preview");
    await page.keyboard.press("Escape");
  });

  await test.step("download the playlist and check its content", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download Playlist of Иванов Иван" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("Иванов_Иван_AG-001.m3u8");
    const text = readFileSync(await download.path(), "utf8");
    expect(text.startsWith("#EXTM3U")).toBe(true);
    expect(text).toContain(`,${SECOND}`);
    expect(text).toContain(`token=${token.replace("…", "")}`);
    // Spec §6.2: grouped channels first (group order), then the rest in channel order.
    expect(text.indexOf(FIRST)).toBeLessThan(text.indexOf(SECOND));
  });

  await test.step("regenerate the token", async () => {
    await page.getByRole("button", { name: "Regenerate" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Regenerate" }).click();
    await expect(page.getByText("New token issued")).toBeVisible();
    await expect(page.getByTestId("user-token")).not.toHaveText(token);
  });

  await test.step("delete a channel orphaned by Flussonic through the cascade dialog", async () => {
    const streams = await getFlussonicStreams();
    await setFlussonicStreams(streams.filter((s) => s.name !== "perviy"));
    await nav(page, "Channels");
    await page.getByRole("button", { name: "Sync from Flussonic" }).click();
    await expect(page.getByText(/1 newly orphaned/).first()).toBeVisible();
    await pick(page, "Status", "Orphaned");
    await expect(page).toHaveURL(/status=orphaned/);
    await expect(rowNames(page)).toHaveText([FIRST]);
    await snap(page, "08-channels-orphaned");
    await page.getByRole("button", { name: `Delete ${FIRST}` }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(`Are you sure you want to delete "${FIRST}"?`);
    await expect(dialog).toContainText("1 package");
    await snap(page, "09-delete-cascade");
    await dialog.getByRole("button", { name: "Delete Anyway" }).click();
    await expect(page.getByText(`Channel "${FIRST}" deleted`)).toBeVisible();
    await expect(page.getByText("No channels match these filters.")).toBeVisible();
  });

  await test.step("create and revoke an API key", async () => {
    await nav(page, "API keys");
    await page.getByRole("button", { name: "New API key" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill("billing-export");
    await page.getByRole("dialog").getByRole("button", { name: "Create" }).click();
    await expect(page.getByTestId("api-key-secret")).not.toBeEmpty();
    await page.getByRole("button", { name: "Done" }).click();
    await page.getByRole("button", { name: "Revoke billing-export" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByText('Key "billing-export" revoked')).toBeVisible();
    await snap(page, "11-api-keys");
  });

  await test.step("users list, then log out", async () => {
    await nav(page, "Users");
    await expect(page.getByRole("cell", { name: "AG-001" })).toBeVisible();
    await snap(page, "10-users");
    await page.getByRole("button", { name: "Logout" }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto("/users");
    await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
  });
});
