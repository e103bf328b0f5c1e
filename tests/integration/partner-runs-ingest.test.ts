import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner, issuePartnerToken, type PartnerInput } from "@/db/mutations/partners";
import { ingestTokens, partnerRuns } from "@/db/schema";
import { hashIngestToken } from "@/lib/auth/tokens";
import { partnerRunsEndpoint } from "@/server/ingest/endpoints";
import { callEndpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

let test: TestDatabase;
let acme: string;
let globex: string;

const partner = (slug: string): PartnerInput => ({
  slug,
  name: slug,
  appUrl: null,
  network: "testnet",
  payerAddresses: [],
  sdks: ["xmtp-js"],
  listed: true,
  contact: null,
  notes: null,
  requiredRuns: 5,
});

const body = (extra: Record<string, unknown> = {}) => ({
  runId: "run-1",
  suite: "e2e",
  sdk: "xmtp-js",
  sdkVersion: "v2.1.0",
  network: "testnet",
  startedAt: "2026-11-20T10:00:00Z",
  passed: 2,
  failed: 0,
  ...extra,
});

const post = (token: string, payload: unknown, options: { type?: string; query?: string } = {}) =>
  callEndpoint(partnerRunsEndpoint, test, payload, { token, ...options });

const runsOf = (slug: string) =>
  test.handle.db.execute<{ run_id: string; sdk_version: string; failed_cases: string[] }>(
    sql`select r.run_id, r.sdk_version, r.failed_cases from partner_runs r join partners p on p.id = r.partner_id
        where p.slug = ${slug} order by r.id`,
  );

beforeAll(async () => {
  ({ test } = await setUpIngest(["tests"]));
  await createPartner(test.handle.db, partner("acme"), "test");
  await createPartner(test.handle.db, partner("globex"), "test");
  acme = (await issuePartnerToken(test.handle.db, "acme", "test")).token;
  globex = (await issuePartnerToken(test.handle.db, "globex", "test")).token;
});
afterAll(() => test?.drop());

describe("a partner posting its own integration runs", () => {
  it("stores a JSON run as that partner's, with the version cleaned; the same body again is a replay", async () => {
    const first = await post(acme, body());
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ runId: "run-1", sdk: "xmtp-js", sdkVersion: "2.1.0" });
    expect((await post(acme, body())).status).toBe(200);
    expect((await runsOf("acme")).rows).toEqual([
      { run_id: "run-1", sdk_version: "2.1.0", failed_cases: [] },
    ]);
  });

  it("keys runIds per partner: another partner's run-1 is its own, a changed run-1 of the same one a conflict", async () => {
    expect((await post(globex, body())).status).toBe(201);
    const changed = await post(acme, body({ passed: 1, failed: 1 }));
    expect(changed.status).toBe(409);
    expect((await runsOf("acme")).rows).toHaveLength(1);
    expect((await runsOf("globex")).rows).toHaveLength(1);
  });

  it("takes JUnit with sdkVersion as a query parameter, keeping the failed cases' names", async () => {
    const xml = `<testsuites><testsuite name="e2e" timestamp="2026-11-21T09:00:00Z">
      <testcase classname="dm" name="sends"/><testcase classname="group" name="syncs"><failure/></testcase>
    </testsuite></testsuites>`;
    const response = await post(acme, xml, {
      type: "application/xml",
      query: "?runId=junit-1&suite=e2e&sdk=xmtp-js&sdkVersion=2.2.0-rc.1&network=testnet",
    });
    expect(response.status).toBe(201);
    expect((await runsOf("acme")).rows.at(-1)).toEqual({
      run_id: "junit-1",
      sdk_version: "2.2.0-rc.1",
      failed_cases: ["group › syncs"],
    });
  });

  it("refuses a version that is not semver, or none, naming sdkVersion, and stores nothing", async () => {
    for (const sdkVersion of ["latest", "2.1", undefined]) {
      const response = await post(acme, body({ runId: `bad-${sdkVersion}`, sdkVersion }));
      expect(response.status).toBe(400);
      const { error } = await response.json();
      expect(error.issues.map((issue: { path: string }) => issue.path)).toEqual(["sdkVersion"]);
    }
    expect((await runsOf("acme")).rows).toHaveLength(2);
  });

  it("refuses an SDK that is not a package name (upper case, spaces), naming sdk", async () => {
    for (const sdk of ["XMTP-JS", "xmtp js", ""]) {
      const response = await post(acme, body({ runId: `sdk-${sdk.replace(/\W/g, "") || "empty"}`, sdk }));
      expect(response.status).toBe(400);
      expect((await response.json()).error.issues.map((issue: { path: string }) => issue.path)).toEqual([
        "sdk",
      ]);
    }
  });

  it("is never counted as the QA suite's integration runs", async () => {
    const rows = await test.handle.db.execute<{ n: number }>(
      sql`select count(*)::int as n from integration_test_runs`,
    );
    expect(rows.rows[0]?.n).toBe(0);
  });

  it("stops taking a partner's old token once the team issues a new one", async () => {
    const renewed = await issuePartnerToken(test.handle.db, "globex", "test");
    expect((await post(globex, body({ runId: "after" }))).status).toBe(401);
    expect((await post(renewed.token, body({ runId: "after" }))).status).toBe(201);
    globex = renewed.token;
  });

  it("refuses a token with the partner scope but no partner (never issued so, but never trusted either)", async () => {
    const token = "xdm_orphan";
    await test.handle.db
      .insert(ingestTokens)
      .values({ name: "orphan", tokenHash: hashIngestToken(token), scopes: ["partner_runs"] });
    const response = await post(token, body({ runId: "orphan" }));
    expect(response.status).toBe(403);
    expect(await test.handle.db.select().from(partnerRuns).where(eq(partnerRuns.runId, "orphan"))).toEqual(
      [],
    );
  });
});
