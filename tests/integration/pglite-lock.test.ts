import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DatabaseLockedError } from "@/db/pglite-lock";

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), "pglite-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function migrateCli(dataDir: string) {
  return run(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: "", POSTGRES_URL: "", PGLITE_DIR: dataDir },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe("the embedded database's one-process lock", () => {
  it("makes a second process refuse, saying what to do, and lets it in once the first has closed", async () => {
    const dataDir = join(root, "shared");
    const handle = await openDatabase({ pgliteDir: dataDir });
    const refused = await migrateCli(dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`already open in another process (pid ${process.pid}`);
    expect(refused.stderr).toContain("set DATABASE_URL");
    expect(JSON.parse(refused.stdout.trim().split("\n").at(-1) ?? "")).toHaveProperty("error");

    await handle.close();
    const accepted = await migrateCli(dataDir);
    expect(accepted.code).toBe(0);
    const summary = JSON.parse(accepted.stdout.trim().split("\n").at(-1) ?? "");
    expect(summary).toMatchObject({ driver: "pglite", applied: summary.total });
    expect(summary.total).toBeGreaterThan(0);
  });

  it("refuses a second open within the same process too", async () => {
    const dataDir = join(root, "twice");
    const handle = await openDatabase({ pgliteDir: dataDir });
    await expect(openDatabase({ pgliteDir: dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
    await handle.close();
    const again = await openDatabase({ pgliteDir: dataDir });
    await again.close();
  });

  it("takes over a lock left by a process that has exited", async () => {
    const dataDir = join(root, "stale");
    const gone = spawnSync(process.execPath, ["-e", "process.exit(0)"]).pid;
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: gone, command: "crashed" }));
    const handle = await openDatabase({ pgliteDir: dataDir });
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    await handle.close();
  });

  it("takes over a lock whose pid now belongs to a different process (a reused pid)", async () => {
    const dataDir = join(root, "reused");
    // Our parent is alive, but it started at another time than the lock says: not the holder.
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, startedAt: "1", command: "old" }));
    const handle = await openDatabase({ pgliteDir: dataDir });
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8")).pid).toBe(process.pid);
    await handle.close();
  });

  it("names the lock file in its refusal", async () => {
    const dataDir = join(root, "named");
    const handle = await openDatabase({ pgliteDir: dataDir });
    await expect(openDatabase({ pgliteDir: dataDir })).rejects.toThrow(`(Lock file: ${dataDir}.lock)`);
    await handle.close();
  });
});
