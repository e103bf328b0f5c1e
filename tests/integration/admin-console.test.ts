import { parseFeed } from "@rowanmanning/feed-parser";
import { eq } from "drizzle-orm";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneSignIns, sessionAddress } from "@/db/mutations/admin-auth";
import { getChangelog } from "@/db/queries/changelog";
import {
  adminSessions,
  auditLog,
  authNonces,
  criteria,
  criterionEvaluations,
  milestones,
  stages,
} from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { postDemoSession } from "@/server/admin/demo-sign-in";
import type { AdminContext } from "@/server/admin/http";
import { postMilestone, postStage } from "@/server/admin/roadmap";
import { postNonce, postSession, postSignOut } from "@/server/admin/sign-in";
import { changelogFeed } from "@/server/changelog/feed";
import { DEMO_TEAM } from "@/server/demo/team";
import { evaluateAll } from "@/server/jobs/evaluate";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const SITE = "http://dashboard.test";
const team = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
let test: TestDatabase;
let now = new Date("2026-12-04T12:00:00Z");
const context = (): AdminContext => ({ db: test.handle.db, env: test.env, now });

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, ...headers },
    body: JSON.stringify(body),
  });

async function nonce(): Promise<string> {
  const response = await postNonce(post("/api/admin/nonce", {}), context());
  expect(response.status).toBe(201);
  const body = await response.json();
  expect(body).toMatchObject({ domain: "dashboard.test", uri: SITE, chainId: 84532 });
  return body.nonce;
}

type MessageFields = Partial<Parameters<typeof createSiweMessage>[0]>;
const messageFor = (account: typeof team, fields: MessageFields & { nonce: string }) =>
  createSiweMessage({
    address: account.address,
    domain: "dashboard.test",
    uri: SITE,
    chainId: 84532,
    version: "1",
    issuedAt: now,
    statement: "Sign in to the XMTP decentralization dashboard's team console.",
    ...fields,
  });

async function signIn(account = team, fields: MessageFields = {}, tamper = false) {
  const message = messageFor(account, { nonce: await nonce(), ...fields });
  const signature = await account.signMessage({ message });
  const sent = tamper
    ? `${signature.slice(0, -4)}${signature.slice(-4) === "1b1b" ? "1c1c" : "1b1b"}`
    : signature;
  return postSession(post("/api/admin/session", { message, signature: sent }), context());
}

const cookieFrom = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
const milestone = async (key: string) =>
  (await test.handle.db.select().from(milestones).where(eq(milestones.key, key)))[0];
const auditCount = async () => (await test.handle.db.select().from(auditLog)).length;

beforeAll(async () => {
  test = await createTestDatabase({
    ADMIN_ADDRESSES: team.address,
    // Nothing listens here: a signature that does not recover is refused at once, not after a timeout.
    TESTNET_RPC_URL: "http://127.0.0.1:9",
  });
  await seedDatabase(test.handle.db, test.env);
  // A target that reads a milestone, judged before the change.
  await test.handle.db.insert(criteria).values({
    key: "qa_suite_live",
    stageNumber: 2,
    position: 99,
    category: "reliability",
    kind: "milestone",
    title: "QA suite running",
    metric: "milestone",
    comparator: "eq",
    target: 1,
    unit: "done",
    windowDays: 1,
    minSamples: 1,
    network: "testnet",
    params: { milestone: "s2-qa-suite" },
  });
  await evaluateAll(test.handle.db, { now: new Date(now.getTime() - 60_000) });
}, 60_000);

afterAll(() => test?.drop());

describe("sign-in with Ethereum", () => {
  it("opens a 12-hour httpOnly session for a team address, and sign-out ends it", async () => {
    const response = await signIn();
    expect(response.status, await response.clone().text()).toBe(201);
    expect((await response.json()).address).toBe(team.address);
    const header = response.headers.get("set-cookie") ?? "";
    expect(header).toMatch(/^admin_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Secure; Expires=/);
    expect(header).toContain(new Date(now.getTime() + 12 * 3_600_000).toUTCString());
    const cookie = cookieFrom(response);
    const change = () =>
      postMilestone(
        post("/api/admin/milestones/s1-funding-portal", { status: "in_progress" }, { cookie }),
        context(),
        "s1-funding-portal",
      );
    expect((await change()).status).toBe(200);
    const out = await postSignOut(post("/api/admin/sign-out", {}, { cookie }), context());
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect((await change()).status).toBe(401);
  });

  it("refuses an address not in ADMIN_ADDRESSES, with nothing opened", async () => {
    const response = await signIn(stranger);
    expect(response.status).toBe(403);
    expect((await response.json()).error.message).toContain(stranger.address);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a replayed nonce and an expired one", async () => {
    const message = messageFor(team, { nonce: await nonce() });
    const signature = await team.signMessage({ message });
    expect((await postSession(post("/api/admin/session", { message, signature }), context())).status).toBe(
      201,
    );
    const replay = await postSession(post("/api/admin/session", { message, signature }), context());
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe("invalid_nonce");

    const stale = await nonce();
    const issued = now;
    now = new Date(now.getTime() + 11 * 60_000);
    try {
      const late = messageFor(team, { nonce: stale, issuedAt: new Date(now.getTime() - 60_000) });
      const expired = await postSession(
        post("/api/admin/session", { message: late, signature: await team.signMessage({ message: late }) }),
        context(),
      );
      expect(expired.status).toBe(401);
      expect((await expired.json()).error.code).toBe("invalid_nonce");
    } finally {
      now = issued;
    }
  });

  it("refuses a message for another domain, URI or chain, an expired message and a tampered signature", async () => {
    const cases: [MessageFields, RegExp][] = [
      [{ domain: "evil.example" }, /for evil\.example, not dashboard\.test/],
      [{ uri: "https://evil.example/admin" }, /URI is not on http:\/\/dashboard\.test/],
      [{ chainId: 8453 }, /for chain 8453, not 84532/],
      [{ expirationTime: new Date(now.getTime() - 1000) }, /expired/],
      [{ issuedAt: new Date(now.getTime() - 3_600_000) }, /more than 10 minutes old/],
    ];
    for (const [fields, error] of cases) {
      const response = await signIn(team, fields);
      expect(response.status, JSON.stringify(fields)).toBe(401);
      expect((await response.json()).error.message).toMatch(error);
    }
    const tampered = await signIn(team, {}, true);
    expect(tampered.status).toBe(401);
    expect((await tampered.json()).error.code).toBe("invalid_signature");
  });

  it("refuses a sign-in or a nonce asked from another origin, and a body that is no sign-in", async () => {
    expect(
      (await postNonce(post("/api/admin/nonce", {}, { origin: "https://evil.example" }), context())).status,
    ).toBe(403);
    const bad = await postSession(
      post("/api/admin/session", { message: "hello", signature: "nope" }),
      context(),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues[0].path).toBe("signature");
  });
});

describe("retention of sign-ins", () => {
  it("drops nonces past their expiry and sessions ended over a day ago, never a live session", async () => {
    const live = cookieFrom(await signIn()).split("=")[1] as string;
    const db = test.handle.db;
    await pruneSignIns(db, new Date(now.getTime() + 11 * 60_000));
    expect(await db.select().from(authNonces)).toEqual([]);
    expect(await sessionAddress(db, live, now)).toBe(team.address);
    await pruneSignIns(db, new Date(now.getTime() + 12 * 3_600_000 + 86_400_000 + 1));
    expect(await db.select().from(adminSessions)).toEqual([]);
  });
});

describe("the demo's sign-in without a wallet", () => {
  it("does not exist outside demo mode, and in it signs in the demo team member through the same checks", async () => {
    const outside = await postDemoSession(post("/api/admin/demo-session", {}), context());
    expect(outside.status).toBe(404);
    const demo = {
      ...context(),
      env: { ...test.env, DEMO_MODE: true, ADMIN_ADDRESSES: [DEMO_TEAM.address] },
    };
    const inside = await postDemoSession(post("/api/admin/demo-session", {}), demo);
    expect(inside.status, await inside.clone().text()).toBe(201);
    expect((await inside.json()).address).toBe(DEMO_TEAM.address);
    const elsewhere = await postDemoSession(
      post("/api/admin/demo-session", {}, { origin: "https://evil.example" }),
      demo,
    );
    expect(elsewhere.status).toBe(403);
  });
});

describe("team changes", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = cookieFrom(await signIn());
  });

  it("marks a milestone done with its evidence: public at once, audited, its target judged again", async () => {
    const before = await milestone("s2-qa-suite");
    expect(before?.status).toBe("open");
    const response = await postMilestone(
      post(
        "/api/admin/milestones/s2-qa-suite",
        { status: "done", evidenceUrl: "https://github.com/xmtp/qa/runs/1", note: "Suite runs nightly." },
        { cookie },
      ),
      context(),
      "s2-qa-suite",
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await milestone("s2-qa-suite")).toMatchObject({
      status: "done",
      evidenceUrl: "https://github.com/xmtp/qa/runs/1",
      note: "Suite runs nightly.",
      doneAt: now,
      updatedBy: team.address,
    });
    const [entry] = await getChangelog(test.handle.db, { limit: 1 });
    expect(entry).toMatchObject({
      actor: team.address,
      action: "milestone.done",
      entityType: "milestone",
      entityKey: "s2-qa-suite",
      network: "testnet",
      before: { status: "open", evidenceUrl: null, note: null },
      after: {
        status: "done",
        evidenceUrl: "https://github.com/xmtp/qa/runs/1",
        note: "Suite runs nightly.",
      },
    });
    // The target that reads this milestone turned now, not at the next scheduled run; no other was judged.
    const judged = await test.handle.db
      .select({ key: criterionEvaluations.criterionKey, status: criterionEvaluations.status })
      .from(criterionEvaluations)
      .where(eq(criterionEvaluations.evaluatedAt, now));
    expect(judged).toEqual([{ key: "qa_suite_live", status: "pass" }]);
  });

  it("sets a stage's declared status, target date and note; the same values again change nothing", async () => {
    const body = { declaredStatus: "in_progress", targetDate: "Mar 2027", note: "Load tests under way." };
    const first = await postStage(post("/api/admin/stages/3", body, { cookie }), context(), "3");
    expect(await first.json()).toEqual({ changed: true });
    const [row] = await test.handle.db.select().from(stages).where(eq(stages.number, 3));
    expect(row).toMatchObject({ ...body, updatedBy: team.address });
    const count = await auditCount();
    const again = await postStage(post("/api/admin/stages/3", body, { cookie }), context(), "3");
    expect(await again.json()).toEqual({ changed: false });
    expect(await auditCount()).toBe(count);
  });

  it("refuses a change without a session, from another origin, or with a bad body, changing nothing", async () => {
    const stored = await milestone("s2-load-testing");
    const count = await auditCount();
    const ask = (headers: Record<string, string>, body: unknown = { status: "done" }) =>
      postMilestone(
        post("/api/admin/milestones/s2-load-testing", body, headers),
        context(),
        "s2-load-testing",
      );
    expect((await ask({})).status).toBe(401);
    expect((await ask({ cookie: "admin_session=forged" })).status).toBe(401);
    expect((await ask({ cookie, origin: "https://evil.example" })).status).toBe(403);
    const bad = await ask({ cookie }, { status: "finished", evidenceUrl: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues.map((issue: { path: string }) => issue.path)).toEqual([
      "status",
      "evidenceUrl",
    ]);
    expect((await ask({ cookie }, { status: "done", extra: 1 })).status).toBe(400);
    expect(await milestone("s2-load-testing")).toEqual(stored);
    expect(await auditCount()).toBe(count);
    const unknown = await postMilestone(
      post("/api/admin/milestones/nope", { status: "done" }, { cookie }),
      context(),
      "nope",
    );
    expect(unknown.status).toBe(404);
    expect((await postStage(post("/api/admin/stages/x", {}, { cookie }), context(), "x")).status).toBe(404);
  });

  it("lists every change in a valid Atom feed, newest first, each with its signer and its fields", async () => {
    const response = await changelogFeed(new Request(`${SITE}/changelog.xml`), test.handle.db);
    expect(response.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const feed = parseFeed(await response.text());
    expect(feed.meta.type).toBe("atom");
    expect(feed.self).toBe(`${SITE}/changelog.xml`);
    expect(feed.items.map((item) => item.title)).toEqual([
      "Stage 3 marked in progress",
      "Milestone s2-qa-suite marked done",
      "Milestone s1-funding-portal marked in progress",
    ]);
    const [stage, milestoneItem] = feed.items;
    expect(stage?.url).toBe(`${SITE}/stages/3`);
    expect(milestoneItem?.url).toBe(`${SITE}/stages/2`);
    expect(milestoneItem?.authors.map((author) => author.name)).toEqual([team.address]);
    expect(milestoneItem?.description).toContain(
      "status: open → done; evidence: none → https://github.com/xmtp/qa/runs/1",
    );
  });

  it("lists the same changes as valid RSS 2.0, each naming its signer", async () => {
    const response = await changelogFeed(new Request(`${SITE}/changelog.rss`), test.handle.db, "rss");
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const feed = parseFeed(await response.text());
    expect(feed.meta.type).toBe("rss");
    expect(feed.items.map((item) => item.title)).toEqual([
      "Stage 3 marked in progress",
      "Milestone s2-qa-suite marked done",
      "Milestone s1-funding-portal marked in progress",
    ]);
    expect(feed.items[1]?.url).toBe(`${SITE}/stages/2`);
    expect(feed.items[1]?.description).toContain(`By ${team.address}.`);
  });
});
