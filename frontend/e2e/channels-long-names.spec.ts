import { apiOf, expect, getFlussonicStreams, horizontalOverflow, login, setFlussonicStreams, snap, test } from "./fixtures";

// A long package or group name must not widen its column: at 1280px the Status and Edit columns
// stay on screen and the table does not scroll sideways.
test("long package and group names keep the channels table within the page", async ({ page }) => {
  await login(page);
  const api = await apiOf(page);
  await api("POST", "/channels/sync");
  const suffix = Date.now().toString(36);
  const pkg = (await api("POST", "/packages", {
    name: `Пакет «Максимальный» со всеми спортивными и развлекательными каналами HD ${suffix}`,
  })) as { id: number };
  const group = (await api("POST", "/groups", {
    name: `Информационно-развлекательные каналы для всей семьи ${suffix}`,
  })) as { id: number };
  const channel = ((await api("GET", "/channels?search=russia24")) as { items: { id: number }[] }).items[0];
  await api("PATCH", `/channels/${channel.id}/packages`, { package_ids: [pkg.id] });
  await api("PATCH", `/channels/${channel.id}/group`, { group_id: group.id });

  await page.goto("/channels");
  const row = page.locator("tr", { hasText: "russia24" });
  await expect(row.getByRole("button", { name: /^Edit / })).toBeInViewport();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await snap(page, "channels-long-names");

  // An orphaned row (Edit and Delete buttons) still shows its whole "Orphaned" badge.
  const lineup = await getFlussonicStreams();
  await setFlussonicStreams(lineup.filter((s) => s.name !== "russia24"));
  try {
    await api("POST", "/channels/sync");
    await page.goto("/channels?status=orphaned");
    const badge = page.locator("tr", { hasText: "russia24" }).getByText("Orphaned", { exact: true });
    await expect(badge).toBeVisible();
    const cut = await badge.evaluate((label) => label.scrollWidth - label.clientWidth);
    expect(cut).toBeLessThanOrEqual(0);
    await expect(page.locator("tr", { hasText: "russia24" }).getByRole("button", { name: /^Delete / })).toBeInViewport();
    await snap(page, "channels-orphaned-row");
  } finally {
    await setFlussonicStreams(lineup);
    await api("POST", "/channels/sync");
  }
});
