import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test as base, type Page } from "@playwright/test";

export const SCREENSHOT_DIR = resolve(import.meta.dirname, "../test-results/screenshots");

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: the e2e global setup did not run`);
  return value;
}

export const stack = {
  get url() {
    return required("E2E_BASE_URL");
  },
  get flussonicUrl() {
    return required("E2E_FLUSSONIC_URL");
  },
  get flussonicKey() {
    return required("E2E_FLUSSONIC_KEY");
  },
  get username() {
    return required("E2E_USERNAME");
  },
  get password() {
    return required("E2E_PASSWORD");
  },
};

export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(stack.url);
  },
});
export { expect };

/** Save a full-page screenshot as a test artefact: test-results/screenshots/<name>.png */
export async function snap(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let toasts and transitions settle so the picture shows the page, not an animation frame.
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(SCREENSHOT_DIR, `${name}.png`), fullPage });
}

export async function login(page: Page): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(stack.username);
  await page.getByLabel("Password", { exact: true }).fill(stack.password);
  await page.getByRole("button", { name: "Sign In" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}

/** Change the Flussonic simulator's line-up through its control API. */
export async function setFlussonicStreams(streams: Record<string, unknown>[] | { seed: true }): Promise<void> {
  const body = Array.isArray(streams) ? { streams } : streams;
  const response = await fetch(`${stack.flussonicUrl}/_sim/streams`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator refused the line-up: ${response.status} ${await response.text()}`);
}

/** The simulator's current line-up (through its real API, as the backend reads it). */
export async function getFlussonicStreams(): Promise<Record<string, unknown>[]> {
  const response = await fetch(`${stack.flussonicUrl}/streamer/api/v3/streams?limit=1000`, {
    headers: { authorization: `Bearer ${stack.flussonicKey}` },
  });
  if (!response.ok) throw new Error(`simulator listing failed: ${response.status}`);
  const body = (await response.json()) as { streams: Record<string, unknown>[] };
  return body.streams;
}
