// Fails when src/api/generated/ is not what the generator makes from ../openapi/openapi.json.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const committed = "src/api/generated/schema.d.ts";
const dir = mkdtempSync(join(tmpdir(), "client-check-"));
const fresh = join(dir, "schema.d.ts");
try {
  execFileSync("node_modules/.bin/openapi-typescript", ["../openapi/openapi.json", "-o", fresh], { stdio: "pipe" });
  let current = "";
  try {
    current = readFileSync(committed, "utf8");
  } catch {
    current = "";
  }
  if (current !== readFileSync(fresh, "utf8")) {
    console.error(`${committed} is stale: run 'make client-ts' (npm run generate) and commit it`);
    try {
      execFileSync("diff", ["-u", committed, fresh], { stdio: "pipe" });
    } catch (error) {
      // diff exits 1 when the files differ; show the start of it.
      const out = String(error.stdout ?? "").split("\n");
      console.error(out.slice(0, 40).join("\n") + (out.length > 40 ? `\n… (${out.length - 40} more lines)` : ""));
    }
    process.exit(1);
  }
  console.log(`${committed} is up to date`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
