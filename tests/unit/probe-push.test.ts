import { mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ProbeBatch } from "@/lib/ingest/schemas";
import { ProbeSpool, PUSH_BATCH_SIZE, toBatches } from "@/lib/probe/push";
import type { ProbeRecord } from "@/lib/probe/record";
import { freePort } from "../../simulation/free-port";
import { type ScriptedServer, type SeenRequest, startScriptedServer } from "../support/probe-server";

const at = new Date("2025-03-01T12:00:00.000Z");
const record = (nodeId: number, overrides: Partial<ProbeRecord> = {}): ProbeRecord => ({
  nodeId,
  at,
  outcome: "up",
  latencyMs: 12.5,
  version: "v1.0.0",
  httpStatus: 200,
  grpcStatus: 0,
  errorClass: null,
  error: null,
  cursor: { 0: "7" },
  ...overrides,
});
const batch = (...nodeIds: number[]): ProbeBatch => ({
  network: "testnet",
  region: "eu",
  probes: nodeIds.map((nodeId) => ({ nodeId, at: at.toISOString(), outcome: "up" })),
});
const json =
  (status: number, body: unknown) => (_: SeenRequest, response: import("node:http").ServerResponse) =>
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
const sentNodeIds = (request: SeenRequest | undefined) =>
  (JSON.parse(request?.body.toString() ?? "{}") as ProbeBatch).probes.map((probe) => probe.nodeId);

describe("a round's results as ingest batches", () => {
  it("carries every field of a probe, with its time as ISO text", () => {
    const down = record(7, {
      outcome: "down",
      latencyMs: null,
      version: null,
      httpStatus: 503,
      grpcStatus: null,
      errorClass: "http_status",
      error: "HTTP 503",
      cursor: null,
    });
    expect(toBatches("mainnet", "us-east", [record(3), down])).toEqual([
      {
        network: "mainnet",
        region: "us-east",
        probes: [
          {
            nodeId: 3,
            at: "2025-03-01T12:00:00.000Z",
            outcome: "up",
            latencyMs: 12.5,
            version: "v1.0.0",
            httpStatus: 200,
            grpcStatus: 0,
            errorClass: null,
            error: null,
            cursor: { 0: "7" },
          },
          {
            nodeId: 7,
            at: "2025-03-01T12:00:00.000Z",
            outcome: "down",
            latencyMs: null,
            version: null,
            httpStatus: 503,
            grpcStatus: null,
            errorClass: "http_status",
            error: "HTTP 503",
            cursor: null,
          },
        ],
      },
    ]);
  });

  it(`splits results into batches of at most ${PUSH_BATCH_SIZE}, in order, and none for no results`, () => {
    const results = Array.from({ length: 2 * PUSH_BATCH_SIZE + 1 }, (_, i) => record(i));
    const batches = toBatches("testnet", "eu", results);
    expect(batches.map((b) => b.probes.length)).toEqual([PUSH_BATCH_SIZE, PUSH_BATCH_SIZE, 1]);
    expect(batches.flatMap((b) => b.probes.map((p) => p.nodeId))).toEqual(results.map((r) => r.nodeId));
    expect(toBatches("testnet", "eu", results.slice(0, PUSH_BATCH_SIZE))).toHaveLength(1);
    expect(toBatches("testnet", "eu", [])).toEqual([]);
  });
});

describe("the probe spool", () => {
  let root: string;
  let server: ScriptedServer;
  let dir: string;
  let spool: ProbeSpool;
  let run = 0;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "probe-spool-"));
    server = await startScriptedServer();
  });
  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });
  beforeEach(() => {
    dir = join(root, `spool-${run++}`);
    spool = new ProbeSpool(dir);
    server.requests.length = 0;
    server.answer = json(201, { stored: 1, duplicates: 0 });
  });

  it("names batches by time, process and sequence, and lists them oldest first", async () => {
    const first = await spool.add(batch(1));
    const second = await spool.add(batch(2));
    expect(first).toMatch(new RegExp(`^\\d{15}-${process.pid}-000000\\.json$`));
    expect(second).toMatch(new RegExp(`^\\d{15}-${process.pid}-000001\\.json$`));
    expect(Number(first.slice(0, 15))).toBeGreaterThan(Date.now() - 60_000);
    expect(await spool.pending()).toEqual([first, second]);
    expect(await readdir(dir)).toHaveLength(2); // no temporary file left behind
    expect(JSON.parse(await readFile(join(dir, first), "utf8"))).toEqual(batch(1));
  });

  it("lists only its own batch files, and nothing for a directory not made yet", async () => {
    expect(await spool.pending()).toEqual([]);
    const name = await spool.add(batch(1));
    await writeFile(join(dir, "notes.json"), "{}");
    await writeFile(join(dir, `.${name}.tmp`), "{}");
    await writeFile(join(dir, `x${name}`), "{}");
    await writeFile(join(dir, `${name}.bak`), "{}");
    await mkdir(join(dir, "rejected"));
    expect(await spool.pending()).toEqual([name]);
  });

  it("fails to list a spool whose path is not a directory", async () => {
    await mkdir(root, { recursive: true });
    const file = join(root, `file-${run}`);
    await writeFile(file, "");
    await expect(new ProbeSpool(file).pending()).rejects.toMatchObject({ code: "ENOTDIR" });
  });

  it("delivers every batch with the token, removes it, and sums what was stored", async () => {
    await spool.add(batch(1));
    await spool.add(batch(2));
    await spool.add(batch(3));
    const answers = [{ stored: 2, duplicates: 1 }, { stored: 5, duplicates: 3 }, {}];
    server.answer = (_, response) => json(200, answers.shift())(_, response);
    const report = await spool.deliver(`${server.url}/ignored/path`, "secret-token");
    expect(report).toEqual({ delivered: 3, stored: 7, duplicates: 4, rejected: 0, dropped: 0, pending: 0 });
    expect(await spool.pending()).toEqual([]);
    expect(server.requests.map(sentNodeIds)).toEqual([[1], [2], [3]]);
    for (const request of server.requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/api/ingest/probes");
      expect(request.headers.authorization).toBe("Bearer secret-token");
      expect(request.headers["content-type"]).toBe("application/json");
    }
  });

  it("counts nothing stored when a 2xx answer is not JSON", async () => {
    await spool.add(batch(1));
    server.answer = (_, response) => response.writeHead(202).end("accepted");
    expect(await spool.deliver(server.url, "t")).toMatchObject({ delivered: 1, stored: 0, duplicates: 0 });
  });

  it("delivers nothing and reports nothing for an empty spool", async () => {
    expect(await spool.deliver(server.url, "t")).toEqual({
      delivered: 0,
      stored: 0,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      pending: 0,
    });
    expect(server.requests).toHaveLength(0);
  });

  it("keeps every batch while the dashboard is unreachable", async () => {
    await spool.add(batch(1));
    await spool.add(batch(2));
    const port = await freePort();
    const report = await spool.deliver(`http://127.0.0.1:${port}`, "t");
    expect(report).toEqual({
      delivered: 0,
      stored: 0,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      pending: 2,
      error: `dashboard unreachable at http://127.0.0.1:${port}: ECONNREFUSED`,
    });
    expect(await spool.pending()).toHaveLength(2);
  });

  it("gives up on a dashboard that does not answer within the timeout", async () => {
    await spool.add(batch(1));
    server.answer = () => {};
    const started = performance.now();
    const report = await spool.deliver(server.url, "t", { timeoutMs: 40 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report).toMatchObject({
      pending: 1,
      error: expect.stringMatching(/^dashboard unreachable at .*timeout/),
    });
  });

  it("stops at a batch the dashboard cannot take now and keeps it and the rest", async () => {
    const names = [await spool.add(batch(1)), await spool.add(batch(2)), await spool.add(batch(3))];
    let calls = 0;
    server.answer = (request, response) =>
      calls++ === 0
        ? json(200, { stored: 1 })(request, response)
        : json(503, { error: { code: "unavailable", message: "database is down" } })(request, response);
    const report = await spool.deliver(server.url, "t");
    expect(report).toEqual({
      delivered: 1,
      stored: 1,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      pending: 2,
      error: `the dashboard did not take batch ${names[1]}: HTTP 503: database is down`,
    });
    expect(await spool.pending()).toEqual(names.slice(1));
    expect(server.requests).toHaveLength(2);
  });

  it("names only the status of a refusal without a message", async () => {
    const name = await spool.add(batch(1));
    server.answer = (_, response) => response.writeHead(429).end("slow down");
    expect(await spool.deliver(server.url, "t")).toMatchObject({
      pending: 1,
      error: `the dashboard did not take batch ${name}: HTTP 429`,
    });
  });

  it.each([400, 413, 415])("sets a batch refused with %i aside in rejected/ and goes on", async (status) => {
    const lines: string[] = [];
    const refused = await spool.add(batch(1));
    const next = await spool.add(batch(2));
    server.answer = (request, response) =>
      sentNodeIds(request)[0] === 1
        ? json(status, { error: { code: "invalid", message: "bad batch" } })(request, response)
        : json(200, { stored: 1 })(request, response);
    const report = await spool.deliver(server.url, "t", { log: (line) => lines.push(line) });
    expect(report).toMatchObject({ delivered: 1, rejected: 1, dropped: 0, pending: 0 });
    expect(report.error).toBeUndefined();
    expect(await spool.pending()).toEqual([]);
    expect(await readdir(join(dir, "rejected"))).toEqual([refused]);
    expect(JSON.parse(await readFile(join(dir, "rejected", refused), "utf8"))).toEqual(batch(1));
    expect(lines).toEqual([
      `batch ${refused} refused (HTTP ${status}: bad batch); moved to ${join(dir, "rejected")}`,
    ]);
    expect(next).not.toBe(refused);
  });

  it("drops the single probes the dashboard refuses and re-sends the rest of the batch", async () => {
    const lines: string[] = [];
    const name = await spool.add(batch(10, 11, 12, 13));
    server.answer = (request, response) => {
      const ids = sentNodeIds(request);
      if (ids.length === 4)
        json(400, {
          error: {
            code: "refused_probes",
            message: "2 of 4 probes were refused",
            issues: [
              { path: "probes.1.nodeId", message: "node 11 is not in the testnet registry" },
              { path: "probes.3.at", message: "too old" },
              { path: "region", message: "not a probe" },
            ],
          },
        })(request, response);
      else json(200, { stored: ids.length })(request, response);
    };
    const report = await spool.deliver(server.url, "t", { log: (line) => lines.push(line) });
    expect(report).toEqual({ delivered: 1, stored: 2, duplicates: 0, rejected: 0, dropped: 2, pending: 0 });
    expect(server.requests.map(sentNodeIds)).toEqual([
      [10, 11, 12, 13],
      [10, 12],
    ]);
    expect(lines).toEqual([
      `batch ${name}: dropped 2 refused probes (node 11 is not in the testnet registry); re-sending 2`,
    ]);
    expect(await spool.pending()).toEqual([]);
  });

  it("keeps the rest of a batch on disk when the re-send cannot be delivered", async () => {
    const name = await spool.add(batch(10, 11));
    server.answer = (request, response) =>
      sentNodeIds(request).length === 2
        ? json(400, {
            error: { code: "refused_probes", issues: [{ path: "probes.0.nodeId", message: "x" }] },
          })(request, response)
        : json(503, {})(request, response);
    const report = await spool.deliver(server.url, "t");
    expect(report).toMatchObject({
      delivered: 0,
      dropped: 1,
      pending: 1,
      error: `the dashboard did not take batch ${name}: HTTP 503`,
    });
    expect(await spool.pending()).toEqual([name]);
    expect(
      (JSON.parse(await readFile(join(dir, name), "utf8")) as ProbeBatch).probes.map((p) => p.nodeId),
    ).toEqual([11]);
    expect(await readdir(dir)).toEqual([name]);
  });

  it("removes a batch all of whose probes are refused, and goes on to the next", async () => {
    const lines: string[] = [];
    const name = await spool.add(batch(10));
    await spool.add(batch(20));
    server.answer = (request, response) =>
      sentNodeIds(request)[0] === 10
        ? json(400, {
            error: { code: "refused_probes", issues: [{ path: "probes.0.nodeId", message: "unknown" }] },
          })(request, response)
        : json(200, { stored: 1 })(request, response);
    const report = await spool.deliver(server.url, "t", { log: (line) => lines.push(line) });
    expect(report).toMatchObject({ delivered: 1, stored: 1, dropped: 1, rejected: 0, pending: 0 });
    expect(lines).toEqual([`batch ${name}: dropped 1 refused probes (unknown); re-sending 0`]);
    expect(server.requests.map(sentNodeIds)).toEqual([[10], [20]]);
    expect(await readdir(dir)).toEqual([]);
  });

  it("logs an empty reason when the refused probes come without messages", async () => {
    const lines: string[] = [];
    await spool.add(batch(10, 11));
    server.answer = (request, response) =>
      sentNodeIds(request).length === 2
        ? json(400, { error: { code: "refused_probes", issues: [{ path: "probes.1.nodeId" }] } })(
            request,
            response,
          )
        : json(200, {})(request, response);
    expect(await spool.deliver(server.url, "t", { log: (line) => lines.push(line) })).toMatchObject({
      dropped: 1,
    });
    expect(lines[0]).toMatch(/dropped 1 refused probes \(\); re-sending 1$/);
  });

  it("refuses a batch as a whole when the refusal names none of its probes", async () => {
    for (const error of [
      { code: "refused_probes", message: "1 refused", issues: [{ path: "probes.7.nodeId", message: "x" }] },
      { code: "refused_probes", message: "no issues" },
      { code: "invalid_body", issues: [{ path: "probes.0.nodeId", message: "x" }] },
    ]) {
      const name = await spool.add(batch(1));
      server.answer = json(400, { error });
      server.requests.length = 0;
      expect(await spool.deliver(server.url, "t"), error.code).toMatchObject({ rejected: 1, dropped: 0 });
      expect(server.requests).toHaveLength(1);
      expect(await readdir(join(dir, "rejected"))).toContain(name);
    }
  });

  it("takes probes as refused singly only from a 400", async () => {
    const name = await spool.add(batch(1, 2));
    server.answer = json(422, {
      error: { code: "refused_probes", issues: [{ path: "probes.0.nodeId", message: "x" }] },
    });
    expect(await spool.deliver(server.url, "t")).toMatchObject({
      dropped: 0,
      rejected: 0,
      pending: 1,
      error: `the dashboard did not take batch ${name}: HTTP 422`,
    });
    expect((JSON.parse(await readFile(join(dir, name), "utf8")) as ProbeBatch).probes).toHaveLength(2);
  });

  it("counts the batches still pending when the dashboard goes away midway", async () => {
    await spool.add(batch(1));
    await spool.add(batch(2));
    await spool.add(batch(3));
    server.answer = (request, response) =>
      sentNodeIds(request)[0] === 1
        ? json(200, { stored: 1 })(request, response)
        : response.socket?.destroy();
    const report = await spool.deliver(server.url, "t");
    expect(report).toMatchObject({ delivered: 1, pending: 2 });
    expect(report.error).toMatch(new RegExp(`^dashboard unreachable at ${server.url}: \\S`));
    expect(await spool.pending()).toHaveLength(2);
  });

  it("sets aside a batch file it cannot parse when the dashboard refuses it", async () => {
    await mkdir(dir, { recursive: true });
    for (const error of [
      { code: "invalid_json", message: "not JSON" },
      { code: "refused_probes", issues: [{ path: "region", message: "not a probe" }] },
    ]) {
      await writeFile(join(dir, "000000000000001-1-000000.json"), "{ half a batch");
      server.answer = json(400, { error });
      expect(await spool.deliver(server.url, "t"), error.code).toMatchObject({ rejected: 1, dropped: 0 });
      expect(await readdir(join(dir, "rejected"))).toEqual(["000000000000001-1-000000.json"]);
      await rm(join(dir, "rejected"), { recursive: true });
    }
  });

  it("refuses as a whole a batch answered 400 without an error body", async () => {
    const name = await spool.add(batch(1));
    server.answer = (_, response) => response.writeHead(400).end("Bad Request");
    const lines: string[] = [];
    expect(await spool.deliver(server.url, "t", { log: (line) => lines.push(line) })).toMatchObject({
      rejected: 1,
    });
    expect(lines).toEqual([`batch ${name} refused (HTTP 400); moved to ${join(dir, "rejected")}`]);
  });

  it("skips a batch another prober on the spool delivered meanwhile", async () => {
    await spool.add(batch(1));
    const second = await spool.add(batch(2));
    await spool.add(batch(3));
    server.answer = async (request, response) => {
      if (sentNodeIds(request)[0] === 1) await unlink(join(dir, second));
      json(200, { stored: 1 })(request, response);
    };
    expect(await spool.deliver(server.url, "t")).toMatchObject({ delivered: 2, stored: 2, pending: 0 });
    expect(server.requests.map(sentNodeIds)).toEqual([[1], [3]]);
  });

  it("counts a batch as delivered when another prober removed it before the answer came", async () => {
    const name = await spool.add(batch(1));
    server.answer = async (request, response) => {
      await unlink(join(dir, name));
      json(200, { stored: 1 })(request, response);
    };
    expect(await spool.deliver(server.url, "t")).toMatchObject({ delivered: 1, stored: 1 });
  });

  it("fails on a batch it cannot read for any other reason", async () => {
    await mkdir(join(dir, "000000000000001-1-000000.json"), { recursive: true });
    await expect(spool.deliver(server.url, "t")).rejects.toMatchObject({ code: "EISDIR" });
  });

  it("fails when a delivered batch cannot be removed for any other reason", async () => {
    const name = await spool.add(batch(1));
    server.answer = async (request, response) => {
      await unlink(join(dir, name));
      await mkdir(join(dir, name, "inside"), { recursive: true });
      json(200, {})(request, response);
    };
    await expect(spool.deliver(server.url, "t")).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|EPERM/),
    });
  });
});
