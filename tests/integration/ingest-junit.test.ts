import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIntegrationPassRates } from "@/db/queries/results";
import { integrationTestCases, integrationTestRuns } from "@/db/schema";
import { integrationTestsEndpoint } from "@/server/ingest/endpoints";
import { callEndpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let token: string;
const dir = mkdtempSync(join(tmpdir(), "junit-"));

beforeAll(async () => {
  ({ test, token } = await setUpIngest(["tests"]));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await test?.drop();
});

/** Runs a real vitest suite (two passing, one failing, one todo) with the JUnit reporter. */
async function realJunitReport(): Promise<string> {
  writeFileSync(
    join(dir, "sdk.test.js"),
    [
      'it("creates a group", () => expect(1 + 1).toBe(2));',
      'it("syncs a group", () => expect([1]).toHaveLength(1));',
      'it("streams a message", () => expect("a").toBe("b"));',
      'it.todo("rotates keys");',
    ].join("\n"),
  );
  const out = join(dir, "junit.xml");
  const vitest = resolve("node_modules/vitest/vitest.mjs");
  await promisify(execFile)(
    process.execPath,
    [vitest, "run", "--root", dir, "--globals", "--reporter=junit", `--outputFile=${out}`],
    {
      cwd: dir,
    },
  ).catch(() => {}); // one test fails on purpose: vitest exits 1 and still writes the report
  return readFileSync(out, "utf8");
}

const post = (body: string, type: string, query = "") =>
  callEndpoint(integrationTestsEndpoint, test, body, { token, type, query });

describe("POST /api/ingest/integration-tests", () => {
  it("takes the JUnit XML a real vitest run wrote, with runId, suite, sdk and network as query parameters", async () => {
    const xml = await realJunitReport();
    const response = await post(
      xml,
      "application/xml",
      "?runId=ci-1&suite=sdk-integration&sdk=node&network=testnet",
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      runId: "ci-1",
      passed: 2,
      failed: 1,
      skipped: 1,
      format: "junit",
    });
    const [run] = await test.handle.db
      .select()
      .from(integrationTestRuns)
      .where(eq(integrationTestRuns.runId, "ci-1"));
    const cases = await test.handle.db
      .select()
      .from(integrationTestCases)
      .where(eq(integrationTestCases.runId, Number(run?.id)));
    expect(cases.map((c) => c.status).sort()).toEqual(["failed", "passed", "passed", "skipped"]);
    expect(cases.find((c) => c.status === "failed")?.name).toContain("streams a message");
    const [rate] = await getIntegrationPassRates(test.handle.db, { network: "testnet", lastRuns: 1 });
    expect(rate).toMatchObject({
      sdk: "node",
      suite: "sdk-integration",
      runs: 1,
      passed: 2,
      failed: 1,
      allPassing: false,
    });
  }, 60_000);

  it("takes the JSON shape too, and checks its counts against its cases", async () => {
    const run = {
      runId: "ci-2",
      suite: "sdk-integration",
      sdk: "browser",
      network: "testnet",
      startedAt: "2026-11-20T10:00:00Z",
      passed: 1,
      failed: 0,
      cases: [{ name: "creates a group", status: "passed", durationMs: 12 }],
    };
    expect((await post(JSON.stringify(run), "application/json")).status).toBe(201);
    const wrong = await post(JSON.stringify({ ...run, runId: "ci-3", passed: 2 }), "application/json");
    expect((await wrong.json()).error.issues).toEqual([
      { path: "passed", message: "does not match the passed cases" },
    ]);
  });

  it("refuses XML with entities instead of expanding them, and XML that is not JUnit", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
      <testsuites><testsuite name="x" timestamp="2026-11-20T10:00:00Z"><testcase name="&lol2;" time="0.1"/></testsuite></testsuites>`;
    const response = await post(bomb, "application/xml", "?runId=bomb&suite=s&sdk=node&network=testnet");
    expect(response.status).toBe(201); // stored, with the entity left as text
    const [stored] = await test.handle.db
      .select()
      .from(integrationTestCases)
      .where(eq(integrationTestCases.name, "x › &lol2;"));
    expect(stored).toBeUndefined();
    const names = (
      await test.handle.db.select({ name: integrationTestCases.name }).from(integrationTestCases)
    ).map((c) => c.name);
    expect(names.some((name) => name.includes("lollollol"))).toBe(false);
    const notJunit = await post(
      "<html><body/></html>",
      "text/xml",
      "?runId=h&suite=s&sdk=node&network=testnet",
    );
    expect((await notJunit.json()).error.code).toBe("invalid_junit");
    const missing = await post("<testsuites><testsuite/></testsuites>", "application/xml", "?suite=s");
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["runId", "sdk", "network"]),
    );
  });

  it("takes a report's naive timestamp as UTC and dates one without any on receipt, saying which", async () => {
    const report = (stamp: string) =>
      `<testsuites><testsuite name="s"${stamp}><testcase name="a" time="0.1"/></testsuite></testsuites>`;
    const query = (runId: string) => `?runId=${runId}&suite=s&sdk=node&network=testnet`;
    const naive = await post(
      report(' timestamp="2026-11-20T10:00:00.123"'),
      "application/xml",
      query("naive"),
    );
    expect(naive.status).toBe(201);
    const naiveBody = await naive.json();
    expect(naiveBody.startedAtFrom).toBe("report_as_utc");
    expect(new Date(naiveBody.startedAt).toISOString()).toBe("2026-11-20T10:00:00.123Z");

    const before = Date.now();
    const unstamped = await post(report(""), "application/xml", query("unstamped"));
    expect(unstamped.status).toBe(201);
    const unstampedBody = await unstamped.json();
    expect(unstampedBody.startedAtFrom).toBe("received");
    const at = new Date(unstampedBody.startedAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());

    // The same report sent again later is a replay of the stored run, not a conflict.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await post(report(""), "application/xml", query("unstamped"));
    expect(again.status).toBe(200);
    expect((await again.json()).startedAt).toBe(unstampedBody.startedAt);

    // A JSON run cannot claim to be dated on receipt (that would keep its time out of its hash).
    const claimed = await post(
      JSON.stringify({
        runId: "claims-received",
        suite: "s",
        sdk: "node",
        network: "testnet",
        startedAt: "2026-11-20T10:00:00Z",
        startedAtFrom: "received",
        passed: 0,
        failed: 0,
      }),
      "application/json",
      "",
    );
    expect(claimed.status).toBe(400);

    const zoned = await post(
      report(' timestamp="2026-11-20T10:00:00+02:00"'),
      "application/xml",
      query("zoned"),
    );
    expect((await zoned.json()).startedAtFrom).toBe("report");
  });
});
