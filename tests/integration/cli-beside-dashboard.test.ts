import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { authenticateIngestToken } from "@/db/mutations/tokens";
import { controlSocketPath } from "@/db/pglite-lock";
import { jobRuns } from "@/db/schema";
import { prepareDatabase } from "@/db/setup";
import { parseEnv } from "@/lib/env";
import { serveControl } from "@/server/control/socket";

// The dashboard holds the embedded database (this test process plays it, with its control socket);
// the CLIs, run as a newcomer runs them, get their work done through it instead of being refused.
const exec = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "cli-beside-"));
const dataDir = join(root, "pglite");
let handle: DatabaseHandle;
let control: { close: () => Promise<void> } | undefined;

async function cli(script: string, ...args: string[]) {
  const result = await exec(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: "", POSTGRES_URL: "", PGLITE_DIR: dataDir },
  }).then(
    (done) => ({ code: 0, ...done }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
  return { ...result, last: JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "null") };
}

beforeAll(async () => {
  const env = parseEnv({ PGLITE_DIR: dataDir });
  handle = await openDatabase({ pgliteDir: dataDir });
  await prepareDatabase(handle, env);
  control = await serveControl(handle.db, env, controlSocketPath(dataDir));
}, 60_000);
afterAll(async () => {
  await control?.close();
  await handle?.close();
  rmSync(root, { recursive: true, force: true });
});

describe("CLIs while the dashboard runs on PGlite", () => {
  it("answers only this user, on a Unix socket beside the data directory", () => {
    const socket = statSync(controlSocketPath(dataDir));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
  });

  it("creates an ingest token through the dashboard, usable at once", async () => {
    const created = await cli("token-create", "--name", "qa-runner", "--scopes", "benchmarks,tests");
    expect(created.code).toBe(0);
    expect(created.stderr).toContain(`The dashboard (pid ${process.pid}) has the embedded database open`);
    expect(created.last).toMatchObject({ name: "qa-runner", scopes: ["benchmarks", "tests"] });
    const token = await authenticateIngestToken(handle.db, created.last.token, "tests");
    expect(token).toMatchObject({ ok: true, name: "qa-runner" });
    const listed = await cli("token-list");
    expect(listed.stdout).toContain("qa-runner");
    expect(listed.stdout).toMatch(/active, last used \d{4}-\d\d-\d\d \d\d:\d\d UTC/); // dates survive the socket
  }, 60_000);

  it("evaluates the roadmap through the dashboard, recorded as a CLI run", async () => {
    const evaluated = await cli("evaluate");
    expect(evaluated.code).toBe(0);
    expect(evaluated.last.criteria).toBeGreaterThan(0);
    expect(evaluated.stderr.split("\n").filter((line) => line.includes(":")).length).toBeGreaterThan(
      evaluated.last.criteria,
    );
    const runs = await handle.db.select().from(jobRuns);
    expect(runs.some((run) => run.job === "evaluate" && run.trigger === "cli" && run.outcome === "ok")).toBe(
      true,
    );
  }, 60_000);

  it("passes on the dashboard's refusal in its own words, and a bad flag is still the CLI's", async () => {
    const unknown = await cli("token-revoke", "--name", "nobody");
    expect(unknown.code).toBe(1);
    expect(unknown.last.error).toMatch(/nobody/);
    const badScope = await cli("token-create", "--name", "x", "--scopes", "everything");
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).not.toContain("asking it");
  }, 60_000);

  it("says so when the process holding the database has no control socket", async () => {
    await control?.close();
    control = undefined;
    const refused = await cli("evaluate");
    expect(refused.code).toBe(1);
    expect(refused.last.error).toContain("already open in another process");
    expect(refused.last.error).toMatch(/control socket .* does not answer either \(ENOENT\)/);
  }, 60_000);
});
