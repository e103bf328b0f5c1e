import type { ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_CURSOR_ENTRIES, MAX_ERROR_CHARS, MAX_VERSION_CHARS } from "@/lib/limits";
import { GET_SYNC_CURSOR, GET_VERSION, ProbeClient } from "@/lib/probe/client";
import { encodeSyncCursor, encodeVersion } from "@/lib/probe/grpc-web";
import type { ProbeRecord } from "@/lib/probe/record";
import { cleanText, countOutcomes, probeNode, probeRound } from "@/lib/probe/round";
import { freePort } from "../../simulation/free-port";
import { grpcWeb, type ScriptedServer, startScriptedServer } from "../support/probe-server";

let server: ScriptedServer;
let client: ProbeClient;
/** What the node answers, per method; `delayMs` holds the version answer back; "hang" never answers. */
let node: {
  version: string;
  cursor: Record<string, bigint> | "fail" | "hang";
  versionAnswer: "ok" | "hang" | "http500";
  delayMs: number;
  /** Moves a frozen performance clock on by this much when the node answers its version. */
  takesMs: number;
};
const at = new Date("2025-05-05T05:05:05.000Z");
const settings = { timeoutMs: 1000, degradedMs: 500, now: () => at };
const target = (nodeId = 7) => ({ nodeId, httpAddress: server.url });

beforeAll(async () => {
  client = new ProbeClient({ allowPrivate: true });
  server = await startScriptedServer((request, response: ServerResponse) => {
    const query = new URL(request.path, "http://x").pathname;
    if (query.endsWith(GET_VERSION)) {
      if (node.versionAnswer === "hang") return;
      if (node.versionAnswer === "http500") return void response.writeHead(500).end();
      if (node.takesMs) vi.advanceTimersByTime(node.takesMs);
      setTimeout(() => grpcWeb(response, [encodeVersion(node.version)]), node.delayMs);
    } else if (query.endsWith(GET_SYNC_CURSOR)) {
      if (node.cursor === "hang") return;
      if (node.cursor === "fail") grpcWeb(response, [], { "grpc-status": "12" });
      else grpcWeb(response, [encodeSyncCursor(node.cursor)]);
    } else response.writeHead(404).end();
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  node = { version: "v1.2.3", cursor: { 0: 5n, 100: 9n }, versionAnswer: "ok", delayMs: 0, takesMs: 0 };
});

const cursorCalls = () => server.requests.filter((request) => request.path.endsWith(GET_SYNC_CURSOR)).length;

describe("one probe of one node", () => {
  it("is up with the node's version, cursor and statuses, timed at now()", async () => {
    const result = await probeNode(client, target(7), settings);
    expect(result).toEqual({
      nodeId: 7,
      at,
      outcome: "up",
      latencyMs: expect.any(Number),
      version: "v1.2.3",
      httpStatus: 200,
      grpcStatus: 0,
      errorClass: null,
      error: null,
      cursor: { 0: "5", 100: "9" },
    });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.latencyMs).toBeLessThan(500);
    expect(Math.round((result.latencyMs ?? 0) * 100) / 100).toBe(result.latencyMs);
  });

  it("takes the time from the clock when none is given", async () => {
    const before = Date.now();
    const result = await probeNode(client, target(), { timeoutMs: 1000, degradedMs: 500 });
    expect(result.at.getTime()).toBeGreaterThanOrEqual(before);
    expect(result.at.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("is degraded when the version answer is slower than degradedMs", async () => {
    node.delayMs = 30;
    const result = await probeNode(client, target(), { ...settings, degradedMs: 10 });
    expect(result).toMatchObject({ outcome: "degraded", version: "v1.2.3", errorClass: null });
    expect(result.latencyMs).toBeGreaterThanOrEqual(25);
    expect(result.latencyMs).toBeLessThan(1000);
    node.delayMs = 0;
    expect((await probeNode(client, target(), { ...settings, degradedMs: 300 })).outcome).toBe("up");
  });

  it("is down with the error class, and no latency, on a timeout", async () => {
    node.versionAnswer = "hang";
    expect(await probeNode(client, target(3), { ...settings, timeoutMs: 40 })).toEqual({
      nodeId: 3,
      at,
      outcome: "down",
      latencyMs: null,
      version: null,
      httpStatus: null,
      grpcStatus: null,
      errorClass: "timeout",
      error: "no complete answer within 40 ms",
      cursor: null,
    });
    expect(cursorCalls()).toBe(0);
  });

  it("is down with its latency on any other failure", async () => {
    node.versionAnswer = "http500";
    const result = await probeNode(client, target(), settings);
    expect(result).toMatchObject({
      outcome: "down",
      errorClass: "http_status",
      error: "HTTP 500",
      httpStatus: 500,
    });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.latencyMs).toBeLessThan(1000);
    const refused = await probeNode(
      client,
      { nodeId: 1, httpAddress: `http://127.0.0.1:${await freePort()}` },
      settings,
    );
    expect(refused).toMatchObject({ outcome: "down", errorClass: "refused", httpStatus: null });
    expect(refused.latencyMs).not.toBeNull();
  });

  it("stays up without a cursor when the cursor call fails or runs out of time", async () => {
    node.cursor = "fail";
    expect(await probeNode(client, target(), settings)).toMatchObject({ outcome: "up", cursor: null });
    node.cursor = "hang";
    const started = performance.now();
    expect(await probeNode(client, target(), { ...settings, timeoutMs: 300 })).toMatchObject({
      outcome: "up",
      version: "v1.2.3",
      cursor: null,
    });
    // The cursor call gets what is left of the probe's budget (300 ms in all), not a fresh one (600).
    expect(performance.now() - started).toBeLessThan(550);
  });

  it("skips the cursor call when 50 ms or less of the budget is left", async () => {
    node.delayMs = 152; // leaves at most 48 ms of 200, and the version call 48 ms of slack
    expect(await probeNode(client, target(), { ...settings, timeoutMs: 200 })).toMatchObject({
      outcome: "up",
      cursor: null,
    });
    expect(cursorCalls()).toBe(0);
  });

  it("bounds a cursor to the first 1000 originators, and keeps one of exactly 1000 whole", async () => {
    const cursor = (size: number) =>
      Object.fromEntries(Array.from({ length: size }, (_, i) => [i, BigInt(i)]));
    node.cursor = cursor(MAX_CURSOR_ENTRIES + 1);
    const bounded = await probeNode(client, target(), settings);
    expect(Object.keys(bounded.cursor ?? {})).toEqual(Object.keys(cursor(MAX_CURSOR_ENTRIES)));
    node.cursor = cursor(MAX_CURSOR_ENTRIES);
    expect(Object.keys((await probeNode(client, target(), settings)).cursor ?? {})).toHaveLength(
      MAX_CURSOR_ENTRIES,
    );
  });

  it("cleans and bounds the version and error text a node sends", async () => {
    node.version = ` v1\u0000\u0007\n${"x".repeat(500)}`;
    const up = await probeNode(client, target(), settings);
    expect(up.version).toMatch(/^v1 x+…$/);
    expect(up.version).toHaveLength(MAX_VERSION_CHARS);
    const long = await probeNode(client, { nodeId: 1, httpAddress: `ftp://${"h".repeat(3000)}` }, settings);
    expect(long.error).toHaveLength(MAX_ERROR_CHARS);
    expect(long.error?.endsWith("…")).toBe(true);
  });
});

describe("what the prober keeps of a node's text", () => {
  it("collapses each run of control characters to one space and trims the ends", () => {
    expect(cleanText("\u0001 v1\u0000\u0007\u001f\u007fbeta\n", 50)).toBe("v1 beta");
  });

  it("keeps text of exactly the limit whole and cuts one longer with an ellipsis", () => {
    expect(cleanText("abcde", 5)).toBe("abcde");
    expect(cleanText("abcdef", 5)).toBe("abcd…");
  });

  it("replaces lone surrogates", () => {
    expect(cleanText("a\ud800", 5)).toBe("a\ufffd");
  });
});

describe("a probe round", () => {
  const hangingTargets = async (count: number) => {
    node.versionAnswer = "hang";
    return Array.from({ length: count }, (_, i) => ({ nodeId: i + 1, httpAddress: server.url }));
  };

  it("probes every target and returns the results by node id", async () => {
    const targets = [5, 1, 3].map((nodeId) => target(nodeId));
    const round = await probeRound(client, targets, { ...settings, concurrency: 2 });
    expect(round.results.map((result) => result.nodeId)).toEqual([1, 3, 5]);
    expect(round.skipped).toEqual([]);
    expect(Number.isInteger(round.durationMs)).toBe(true);
    expect(round.durationMs).toBeGreaterThanOrEqual(0);
    expect(round.durationMs).toBeLessThan(1000);
  });

  it("runs probes side by side, so slow nodes do not hold the others up", async () => {
    const targets = await hangingTargets(4);
    const round = await probeRound(client, targets, { ...settings, timeoutMs: 300, concurrency: 4 });
    expect(round.results.map((result) => result.errorClass)).toEqual([
      "timeout",
      "timeout",
      "timeout",
      "timeout",
    ]);
    // One after another would take four timeouts (1.2 s); side by side, about one.
    expect(round.durationMs).toBeGreaterThanOrEqual(295);
    expect(round.durationMs).toBeLessThan(900);
  });

  it("runs one at a time with a concurrency below one", async () => {
    const round = await probeRound(client, [target(1), target(2)], { ...settings, concurrency: 0 });
    expect(round.results).toHaveLength(2);
  });

  it("skips the targets it has no full timeout left for before the deadline", async () => {
    const targets = await hangingTargets(3);
    const round = await probeRound(client, targets, {
      ...settings,
      timeoutMs: 100,
      concurrency: 1,
      deadlineMs: 150,
    });
    expect(round.results.map((result) => result.nodeId)).toEqual([1]);
    expect(round.skipped).toEqual([2, 3]);
  });

  it("probes nothing when the deadline leaves no full timeout", async () => {
    const round = await probeRound(client, [target(1)], { ...settings, deadlineMs: 999 });
    expect(round).toMatchObject({ results: [], skipped: [1] });
  });
});

// performance.now() frozen, and moved on only by the node's answers: the edges are exact, not raced.
describe("probes at the exact edges of their budgets", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["performance"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is up, not degraded, at exactly the degraded threshold", async () => {
    node.takesMs = 300;
    const result = await probeNode(client, target(), { ...settings, degradedMs: 300 });
    expect(result).toMatchObject({ outcome: "up", latencyMs: 300 });
    node.takesMs = 301;
    expect((await probeNode(client, target(), { ...settings, degradedMs: 300 })).outcome).toBe("degraded");
  });

  it("reads the cursor with more than 50 ms left, and not with exactly 50", async () => {
    node.takesMs = 150;
    expect((await probeNode(client, target(), { ...settings, timeoutMs: 200 })).cursor).toBeNull();
    expect(cursorCalls()).toBe(0);
    node.takesMs = 149;
    expect((await probeNode(client, target(), { ...settings, timeoutMs: 200 })).cursor).toEqual({
      0: "5",
      100: "9",
    });
  });

  it("probes a target with exactly one timeout left before the deadline", async () => {
    const round = await probeRound(client, [target(1)], { ...settings, timeoutMs: 100, deadlineMs: 100 });
    expect(round).toMatchObject({ skipped: [], results: [{ nodeId: 1, outcome: "up" }] });
  });

  it("sets the deadline at four timeouts when none is given", async () => {
    node.takesMs = 100; // each probe ends at 100, 200, 300, 400 ms of a 400 ms round
    const round = await probeRound(client, [1, 2, 3, 4, 5].map(target), {
      ...settings,
      timeoutMs: 100,
      concurrency: 1,
    });
    expect(round.results.map((result) => result.nodeId)).toEqual([1, 2, 3, 4]);
    expect(round).toMatchObject({ skipped: [5], durationMs: 400 });
  });
});

describe("counting a round's outcomes", () => {
  it("counts up, degraded and down", () => {
    const of = (outcome: ProbeRecord["outcome"]) => ({ outcome }) as ProbeRecord;
    expect(countOutcomes([of("down"), of("up"), of("degraded"), of("down"), of("down")])).toEqual({
      up: 1,
      degraded: 1,
      down: 3,
    });
    expect(countOutcomes([])).toEqual({ up: 0, degraded: 0, down: 0 });
  });
});
