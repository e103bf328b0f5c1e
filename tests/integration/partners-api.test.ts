import { sql } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getChangelog } from "@/db/queries/changelog";
import { changeTitle } from "@/lib/changelog/describe";
import type { AdminContext } from "@/server/admin/http";
import {
  postPartner,
  postPartnerToken,
  postPartnerUpdate,
  postPayerCheck,
  postSdkMinimum,
} from "@/server/admin/partners";
import { getPartnerApi, getPartnersApi } from "@/server/api/partners-api";
import { changelogFeed } from "@/server/changelog/feed";
import { partnerRunsEndpoint } from "@/server/ingest/endpoints";
import { partnerBadge } from "@/server/partners/badge";
import { freePort } from "../../simulation/free-port";
import { adminPost, signInAs } from "../support/admin";
import { callEndpoint, setUpIngest } from "../support/ingest";
import type { TestDatabase } from "../support/test-db";

const team = privateKeyToAccount(generatePrivateKey());
let test: TestDatabase;
let cookie: string;
let stealthLink: string;
const now = new Date();
const context = (): AdminContext => ({ db: test.handle.db, env: test.env, now });
const read = () => ({ db: test.handle.db, env: test.env, now });
const CONTACT = "private-contact@acme.example.org";
const NOTES = "met at the offsite: do not publish";

const acme = {
  slug: "acme",
  name: "Acme Chat",
  appUrl: "https://acme.example.org",
  network: "testnet",
  payerAddresses: ["0x1111111111111111111111111111111111111111"],
  sdks: ["xmtp-js"],
  listed: true,
  contact: CONTACT,
  notes: NOTES,
  requiredRuns: 2,
};
const stealth = { ...acme, slug: "stealth", name: "Stealth App", listed: false, contact: null, notes: null };

const asTeam = (path: string, body: unknown) => adminPost(path, body, { cookie });
const get = (path: string) => new Request(`http://dashboard.test${path}`);
const badgeText = (svg: string) => {
  expect(XMLValidator.validate(svg)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
  return String(parsed.svg["@_aria-label"]);
};

beforeAll(async () => {
  // Testnet's RPC: a closed local port, so the chain read below fails at once, as with the RPC down.
  ({ test } = await setUpIngest(["tests"], {
    ADMIN_ADDRESSES: team.address,
    TESTNET_RPC_URL: `http://127.0.0.1:${await freePort()}`,
  }));
  cookie = await signInAs(team, context());
}, 60_000);
afterAll(() => test?.drop());

describe("partners managed in the console", () => {
  it("creates a listed and an unlisted partner; the unlisted one's link carries its key", async () => {
    const listed = await postPartner(asTeam("/api/admin/partners", acme), context());
    expect(listed.status).toBe(201);
    expect(await listed.json()).toMatchObject({ slug: "acme", link: "/partners/acme" });
    const hidden = await postPartner(asTeam("/api/admin/partners", stealth), context());
    expect(hidden.status).toBe(201);
    stealthLink = (await hidden.json()).link;
    expect(stealthLink).toMatch(/^\/partners\/stealth\?key=[\w-]{32}$/);
  });

  it("refuses without a session, from another site, a taken slug, bad fields and an uncollected network", async () => {
    expect((await postPartner(adminPost("/api/admin/partners", acme), context())).status).toBe(401);
    const foreign = adminPost("/api/admin/partners", acme, { cookie, origin: "https://evil.example" });
    expect((await postPartner(foreign, context())).status).toBe(403);
    const taken = await postPartner(asTeam("/api/admin/partners", acme), context());
    expect(taken.status).toBe(409);
    const bad = await postPartner(
      asTeam("/api/admin/partners", {
        ...acme,
        slug: "Bad Slug",
        payerAddresses: ["0x12"],
        sdks: ["Not An SDK"],
      }),
      context(),
    );
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(["slug", "payerAddresses.0", "sdks.0"]));
    const local = await postPartner(
      asTeam("/api/admin/partners", { ...acme, slug: "elsewhere", network: "local" }),
      context(),
    );
    expect(local.status).toBe(400);
    const count = await test.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from partners`);
    expect(count.rows[0]?.n).toBe(2);
  });
});

describe("what the public sees", () => {
  it("lists listed partners only, with each check's verdict, as JSON and CSV", async () => {
    const response = await getPartnersApi(get("/api/v1/partners"), read());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.partners.map((partner: { slug: string }) => partner.slug)).toEqual(["acme"]);
    expect(body.partners[0].checks.map((check: { key: string }) => check.key)).toEqual([
      "gateway_funded",
      "sdk_ready",
      "integration_passing",
      "network_ready",
    ]);
    expect(body.networks.testnet).toMatchObject({ ready: false });
    const csv = await (await getPartnersApi(get("/api/v1/partners?format=csv"), read())).text();
    expect(csv.split("\r\n")[0]).toBe(
      "slug,name,network,passed,total,gateway_funded,sdk_ready,integration_passing,network_ready",
    );
    expect(csv).not.toContain("stealth");
    expect((await getPartnersApi(get("/api/v1/partners?format=xml"), read())).status).toBe(400);
  });

  it("gives the days left in the migration window once the team starts its countdown", async () => {
    const none = await (await getPartnerApi(get("/api/v1/partners/acme"), read(), "acme")).json();
    expect(none.migrationCountdown).toBeNull();
    const started = new Date(now.getTime() - 20 * 86_400_000);
    await test.handle.db.execute(sql`update stages set countdown_started_at = ${started} where number = 3`);
    try {
      const running = await (await getPartnerApi(get("/api/v1/partners/acme"), read(), "acme")).json();
      expect(running.migrationCountdown).toMatchObject({ stage: 3, days: 60, daysLeft: 40, finished: false });
    } finally {
      await test.handle.db.execute(sql`update stages set countdown_started_at = null where number = 3`);
    }
  });

  it("answers an unlisted partner only with its link's key, and keeps it out of shared caches", async () => {
    expect((await getPartnerApi(get("/api/v1/partners/stealth"), read(), "stealth")).status).toBe(404);
    expect((await getPartnerApi(get("/api/v1/partners/stealth?key=guess"), read(), "stealth")).status).toBe(
      404,
    );
    const key = new URL(stealthLink, "http://x").searchParams.get("key");
    const found = await getPartnerApi(get(`/api/v1/partners/stealth?key=${key}`), read(), "stealth");
    expect(found.status).toBe(200);
    expect(found.headers.get("cache-control")).toBe("private, no-store");
    expect((await found.json()).name).toBe("Stealth App");
    expect((await getPartnerApi(get("/api/v1/partners/NOPE"), read(), "NOPE")).status).toBe(404);
  });

  it("serves a badge that parses as SVG and shows the API's count; an unlisted one's needs its key", async () => {
    const api = await (await getPartnerApi(get("/api/v1/partners/acme"), read(), "acme")).json();
    const badge = await partnerBadge(get("/partners/acme/badge.svg"), read(), "acme");
    expect(badge.status).toBe(200);
    expect(badge.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(badge.headers.get("cache-control")).toMatch(/^public, max-age=300/);
    expect(badgeText(await badge.text())).toBe(`XMTP mainnet ready: ${api.score.passed}/${api.score.total}`);
    const hidden = await partnerBadge(get("/partners/stealth/badge.svg"), read(), "stealth");
    expect(hidden.status).toBe(404);
    expect(badgeText(await hidden.text())).toBe("XMTP mainnet ready: unknown partner");
    const key = new URL(stealthLink, "http://x").searchParams.get("key");
    const keyed = await partnerBadge(get(`/partners/stealth/badge.svg?key=${key}`), read(), "stealth");
    expect(keyed.status).toBe(200);
    expect(keyed.headers.get("cache-control")).toBe("private, max-age=300");
  });

  it("never shows a partner's contact, notes or link key: not in the API, not on the changelog", async () => {
    const everything = [
      await (await getPartnersApi(get("/api/v1/partners"), read())).text(),
      await (await getPartnerApi(get("/api/v1/partners/acme"), read(), "acme")).text(),
      JSON.stringify((await test.handle.db.execute(sql`select * from audit_log`)).rows),
    ].join("\n");
    expect(everything).not.toContain(CONTACT);
    expect(everything).not.toContain(NOTES);
    const key = new URL(stealthLink, "http://x").searchParams.get("key") as string;
    expect(everything).not.toContain(key);
    expect(everything).not.toContain("Stealth App");
  });
});

describe("a partner's checks moving with what the team sets and the partner posts", () => {
  it("passes SDK ready and integration passing once runs with a compatible version pass", async () => {
    const issued = await postPartnerToken(asTeam("/api/admin/partners/acme/token", {}), context(), "acme");
    expect(issued.status).toBe(201);
    const { token } = await issued.json();
    for (const [runId, version] of [
      ["r1", "2.0.0"],
      ["r2", "2.1.0"],
    ] as const) {
      const posted = await callEndpoint(
        partnerRunsEndpoint,
        test,
        {
          runId,
          suite: "e2e",
          sdk: "xmtp-js",
          sdkVersion: version,
          network: "testnet",
          startedAt: new Date(now.getTime() - (runId === "r1" ? 120_000 : 60_000)).toISOString(),
          passed: 4,
          failed: 0,
        },
        { token },
      );
      expect(posted.status).toBe(201);
    }
    const status = async (key: string) =>
      (await (await getPartnerApi(get("/api/v1/partners/acme"), read(), "acme")).json()).checks.find(
        (check: { key: string }) => check.key === key,
      ).status;
    expect(await status("integration_passing")).toBe("pass");
    expect(await status("sdk_ready")).toBe("unknown"); // no minimum set yet
    const badVersion = await postSdkMinimum(
      asTeam("/api/admin/sdk-minimums", { sdk: "xmtp-js", minVersion: "two" }),
      context(),
    );
    expect(badVersion.status).toBe(400);
    expect(
      (
        await postSdkMinimum(
          asTeam("/api/admin/sdk-minimums", { sdk: "xmtp-js", minVersion: "2.1.0" }),
          context(),
        )
      ).status,
    ).toBe(200);
    expect(await status("sdk_ready")).toBe("fail"); // run r1 reported 2.0.0
    expect(
      (
        await postSdkMinimum(
          asTeam("/api/admin/sdk-minimums", { sdk: "xmtp-js", minVersion: "2.0.0" }),
          context(),
        )
      ).status,
    ).toBe(200);
    expect(await status("sdk_ready")).toBe("pass");
  });

  it("keeps a partner that turns unlisted out of the changelog, its earlier listed changes included", async () => {
    const before = await getChangelog(test.handle.db, { limit: 100 });
    expect(JSON.stringify(before)).toContain("Acme Chat");
    const hidden = await postPartnerUpdate(
      asTeam("/api/admin/partners/acme", { ...acme, listed: false }),
      context(),
      "acme",
    );
    expect(hidden.status).toBe(200);
    const after = await getChangelog(test.handle.db, { limit: 100 });
    const text = JSON.stringify(after);
    for (const word of [
      "Acme Chat",
      "acme.example.org",
      "0x1111111111111111111111111111111111111111",
      '"acme"',
    ])
      expect(text).not.toContain(word);
    expect(after.filter((row) => row.entityType === "partner").map((row) => changeTitle(row))).toContain(
      "An unlisted partner was added",
    );
    const feed = await (await changelogFeed(get("/changelog.xml"), test.handle.db)).text();
    expect(feed).not.toContain("Acme Chat");
    expect(
      (await postPartnerUpdate(asTeam("/api/admin/partners/acme", acme), context(), "acme")).status,
    ).toBe(200);
  });

  it("changes only the fields a change names: contact, notes and runs required stay", async () => {
    const renamed = await postPartnerUpdate(
      asTeam("/api/admin/partners/acme", { name: "Acme Chat" }),
      context(),
      "acme",
    );
    expect(renamed.status).toBe(200);
    const rows = await test.handle.db.execute<{ contact: string; notes: string; required_runs: number }>(
      sql`select contact, notes, required_runs from partners where slug = 'acme'`,
    );
    expect(rows.rows[0]).toEqual({ contact: CONTACT, notes: NOTES, required_runs: 2 });
    const taken = await postPartnerUpdate(
      asTeam("/api/admin/partners/acme", { slug: "stealth" }),
      context(),
      "acme",
    );
    expect(taken.status).toBe(409);
  });

  it("replaces an unlisted partner's link key on request: the old link stops working", async () => {
    const oldKey = new URL(stealthLink, "http://x").searchParams.get("key");
    const renewed = await postPartnerUpdate(
      asTeam("/api/admin/partners/stealth", { ...stealth, newLink: true }),
      context(),
      "stealth",
    );
    expect(renewed.status).toBe(200);
    const newKey = new URL((await renewed.json()).link, "http://x").searchParams.get("key");
    expect(newKey).not.toBe(oldKey);
    expect(
      (await getPartnerApi(get(`/api/v1/partners/stealth?key=${oldKey}`), read(), "stealth")).status,
    ).toBe(404);
    expect(
      (await getPartnerApi(get(`/api/v1/partners/stealth?key=${newKey}`), read(), "stealth")).status,
    ).toBe(200);
    expect(
      (await postPartnerUpdate(asTeam("/api/admin/partners/ghost", stealth), context(), "ghost")).status,
    ).toBe(404);
  });

  it("reads the chain on demand, and says why when the RPC does not answer", async () => {
    const response = await postPayerCheck(
      asTeam("/api/admin/payer-check", { network: "testnet" }),
      context(),
    );
    expect(response.status).toBe(502);
    expect((await response.json()).error.message).toMatch(
      /PayerRegistry read on testnet failed: connection refused/,
    );
    const runs = await test.handle.db.execute<{ outcome: string; trigger: string }>(
      sql`select outcome, trigger from job_runs where job = 'payer_check' order by id desc limit 1`,
    );
    expect(runs.rows[0]).toEqual({ outcome: "failed", trigger: "console" });
  });
});
