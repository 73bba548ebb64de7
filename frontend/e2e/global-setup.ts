import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";

const BACKEND = resolve(import.meta.dirname, "../../backend");
const DIST = resolve(import.meta.dirname, "../dist");
const START_TIMEOUT_MS = 120_000;

/**
 * Starts the real stack (embedded PostgreSQL, simulators, backend, built SPA) with
 * `uv run python -m devtools.e2e_stack`, publishes its URLs in E2E_* variables for the tests,
 * and stops it (SIGTERM, then stdin closes) when the run ends.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(resolve(DIST, "index.html"))) {
    throw new Error("frontend/dist is missing: run `npm run build` before the e2e tests");
  }
  const child = spawn("uv", ["run", "python", "-m", "devtools.e2e_stack", "--dist", DIST], {
    cwd: BACKEND,
    stdio: ["pipe", "pipe", "inherit"],
    env: { ...process.env, PYTHONUNBUFFERED: "1" },
  });
  const info = await new Promise<Record<string, string>>((resolveInfo, reject) => {
    const timer = setTimeout(() => reject(new Error("e2e stack did not start in time")), START_TIMEOUT_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`e2e stack exited early with code ${String(code)}`));
    });
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      if (line.startsWith("E2E_STACK ")) {
        clearTimeout(timer);
        resolveInfo(JSON.parse(line.slice("E2E_STACK ".length)) as Record<string, string>);
      } else {
        process.stdout.write(`[stack] ${line}\n`);
      }
    });
  });
  process.env.E2E_BASE_URL = info.url;
  process.env.E2E_FLUSSONIC_URL = info.flussonic_url;
  process.env.E2E_FLUSSONIC_KEY = info.flussonic_api_key;
  process.env.E2E_AUTH_SERVICE_URL = info.auth_service_url;
  process.env.E2E_USERNAME = info.username;
  process.env.E2E_PASSWORD = info.password;

  return async () => {
    const exited = new Promise<void>((done) => child.once("exit", () => done()));
    child.kill("SIGTERM");
    child.stdin.end();
    const timeout = new Promise<void>((done) => setTimeout(done, 15_000));
    await Promise.race([exited, timeout]);
    if (child.exitCode === null) child.kill("SIGKILL");
  };
}
