import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authenticateIngestToken,
  createIngestToken,
  listIngestTokens,
  revokeIngestToken,
} from "@/db/mutations/tokens";
import { auditLog, ingestTokens } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test?.drop());

describe("ingest tokens in the database", () => {
  it("authenticate with the right scope, record their use, and keep only a hash", async () => {
    const { token } = await createIngestToken(test.handle.db, {
      name: "qa",
      scopes: ["benchmarks", "tests"],
      actor: "cli",
    });
    const stored = await test.handle.db.select().from(ingestTokens).where(eq(ingestTokens.name, "qa"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await authenticateIngestToken(test.handle.db, token, "tests")).toMatchObject({
      ok: true,
      name: "qa",
    });
    const [listed] = await listIngestTokens(test.handle.db);
    expect(listed?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answer 403 for a missing scope and 401 for an unknown, absent or revoked token", async () => {
    const { token } = await createIngestToken(test.handle.db, {
      name: "prober",
      scopes: ["probes"],
      actor: "cli",
    });
    expect(await authenticateIngestToken(test.handle.db, token, "benchmarks")).toEqual({
      ok: false,
      status: 403,
      message: 'the token "prober" lacks the scope "benchmarks"',
    });
    expect(await authenticateIngestToken(test.handle.db, "xdm_nope", "probes")).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(await authenticateIngestToken(test.handle.db, null, "probes")).toMatchObject({
      ok: false,
      status: 401,
    });
    await revokeIngestToken(test.handle.db, { name: "prober", actor: "cli" });
    expect(await authenticateIngestToken(test.handle.db, token, "probes")).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it("refuse a duplicate name and revoking twice, and log every change", async () => {
    await expect(
      createIngestToken(test.handle.db, { name: "qa", scopes: ["forks"], actor: "cli" }),
    ).rejects.toThrow('a token named "qa" already exists');
    await expect(revokeIngestToken(test.handle.db, { name: "prober", actor: "cli" })).rejects.toThrow(
      'no active token named "prober"',
    );
    const actions = await test.handle.db
      .select({ action: auditLog.action, key: auditLog.entityKey })
      .from(auditLog);
    expect(actions).toEqual([
      { action: "token.create", key: "qa" },
      { action: "token.create", key: "prober" },
      { action: "token.revoke", key: "prober" },
    ]);
  });
});

describe("the token CLIs", () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "token-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (script: string, args: string[]) =>
    run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      env: { ...process.env, DATABASE_URL: "", POSTGRES_URL: "", PGLITE_DIR: join(dir, "pglite") },
    }).then(
      (result) => ({ code: 0, ...result }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  const last = (stdout: string) => JSON.parse(stdout.trim().split("\n").at(-1) ?? "");

  it("create prints the token once, list never shows it, revoke ends it", async () => {
    const created = await cli("token-create", ["--name", "qa", "--scopes", "benchmarks"]);
    expect(created.code).toBe(0);
    const { token, ...rest } = last(created.stdout);
    expect(rest).toEqual({ name: "qa", scopes: ["benchmarks"] });
    expect(token).toMatch(/^xdm_/);
    const listed = await cli("token-list", []);
    expect(listed.stdout).not.toContain(token);
    expect(last(listed.stdout).tokens).toMatchObject([
      { name: "qa", scopes: ["benchmarks"], revokedAt: null },
    ]);
    const revoked = await cli("token-revoke", ["--name", "qa"]);
    expect(last(revoked.stdout)).toMatchObject({ name: "qa" });
  }, 90_000);

  it("name what is wrong with bad flags", async () => {
    const bad = await cli("token-create", ["--name", "qa2", "--scopes", "everything"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unknown scope everything");
    const noName = await cli("token-create", ["--scopes", "tests"]);
    expect(noName.stderr).toContain("--name is required");
  }, 60_000);
});
