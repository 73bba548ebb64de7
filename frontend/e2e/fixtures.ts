import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test as base, type Locator, type Page } from "@playwright/test";

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
  get authServiceUrl() {
    return required("E2E_AUTH_SERVICE_URL");
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

/** Make the Auth Service simulator fail (or work again: `{ mode: "ok" }`) through its control API. */
export async function setAuthServiceFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.authServiceUrl}/_sim/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`simulator refused the faults: ${response.status} ${await response.text()}`);
}

/** The signed-in page's API, with its CSRF token, for arranging data quickly. */
export async function apiOf(page: Page): Promise<(method: string, path: string, body?: unknown) => Promise<unknown>> {
  const csrf = await page.evaluate(async () => {
    const me = (await (await fetch("/api/v1/auth/me")).json()) as { data: { csrf_token: string } };
    return me.data.csrf_token;
  });
  return async (method, path, body) => {
    const response = await page.request.fetch(`/api/v1${path}`, { method, headers: { "X-CSRF-Token": csrf }, data: body });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBeTruthy();
    return ((await response.json()) as { data: unknown }).data;
  };
}

/** Count the requests the page sends with `method` to paths matching `path` from now on. */
export function countRequests(page: Page, method: string, path: RegExp): { readonly count: number } {
  const counter = { count: 0 };
  page.on("request", (request) => {
    if (request.method() === method && path.test(new URL(request.url()).pathname)) counter.count += 1;
  });
  return counter;
}

/** How far the page's first table reaches past its scroll container (0 or less: it fits). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.locator("table").first().evaluate((table) => table.scrollWidth - (table.parentElement?.clientWidth ?? 0));
}

/** The input labelled `label` (Mantine also labels the wrapper). */
export function field(page: Page, label: string): Locator {
  return page.getByLabel(label, { exact: true }).and(page.locator("input"));
}
