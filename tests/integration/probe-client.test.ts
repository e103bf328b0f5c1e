import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CURSOR_ENTRIES, MAX_ERROR_CHARS, MAX_VERSION_CHARS } from "@/lib/limits";
import { checkHealth, ProbeClient } from "@/lib/probe/client";
import { probeNode, probeRound } from "@/lib/probe/round";
import { type NodeBehaviour, SimulatedNode, startSimulatedNodes } from "../../simulation/xmtpd-node";

const settings = { timeoutMs: 1500, degradedMs: 300 };
let client: ProbeClient;
let guarded: ProbeClient;

beforeAll(() => {
  client = new ProbeClient({ allowPrivate: true });
  guarded = new ProbeClient();
});
afterAll(async () => {
  await client.close();
  await guarded.close();
});

describe("probing one simulated xmtpd node", () => {
  let node: SimulatedNode;
  beforeAll(async () => {
    node = await SimulatedNode.start({ version: "v0.4.2", cursor: { 0: 11n, 1: 22n, 100: 2n ** 60n } });
  });
  afterAll(() => node.stop());

  it("reads the version and the sync cursor of a healthy node", async () => {
    await node.set("healthy");
    const result = await probeNode(client, { nodeId: 100, httpAddress: node.url }, settings);
    expect(result).toMatchObject({
      outcome: "up",
      version: "v0.4.2",
      httpStatus: 200,
      grpcStatus: 0,
      errorClass: null,
      cursor: { 0: "11", 1: "22", 100: (2n ** 60n).toString() },
    });
    expect(result.latencyMs).toBeGreaterThan(0);
    expect(result.latencyMs).toBeLessThan(settings.degradedMs);
  });

  it.each<[NodeBehaviour, Record<string, unknown>]>([
    ["slow", { outcome: "degraded", errorClass: null, version: "v0.4.2" }],
    ["hang", { outcome: "down", errorClass: "timeout", httpStatus: null }],
    ["refuse", { outcome: "down", errorClass: "refused", httpStatus: null }],
    ["http503", { outcome: "down", errorClass: "http_status", httpStatus: 503 }],
    ["grpc14", { outcome: "down", errorClass: "grpc_status", httpStatus: 200, grpcStatus: 14 }],
    ["garbage", { outcome: "down", errorClass: "malformed", httpStatus: 200 }],
  ])("classifies a node that is %s", async (behaviour, expected) => {
    node.slowMs = 500;
    await node.set(behaviour);
    try {
      const result = await probeNode(client, { nodeId: 100, httpAddress: node.url }, settings);
      expect(result).toMatchObject(expected);
      if (behaviour === "grpc14") expect(result.error).toBe("grpc-status 14: node is draining");
    } finally {
      await node.set("healthy");
    }
  });

  it("reads grpc-status from the headers of a trailers-only answer", async () => {
    node.statusInHeaders = true;
    await node.set("grpc14");
    try {
      const result = await probeNode(client, { nodeId: 100, httpAddress: node.url }, settings);
      expect(result).toMatchObject({ outcome: "down", errorClass: "grpc_status", grpcStatus: 14 });
    } finally {
      node.statusInHeaders = false;
      await node.set("healthy");
    }
  });

  it("bounds and cleans what a hostile node sends: version, grpc-message, status code, cursor size", async () => {
    const target = { nodeId: 100, httpAddress: node.url };
    const saved = { version: node.version, cursor: node.cursor };
    try {
      node.version = `v1\u0000\u0007\n${"x".repeat(500)}`;
      node.cursor = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [i, BigInt(i)]));
      const up = await probeNode(client, target, settings);
      expect(up.outcome).toBe("up");
      expect(up.version).toMatch(/^v1 x+…$/);
      expect(up.version).toHaveLength(MAX_VERSION_CHARS);
      expect(Object.keys(up.cursor ?? {})).toHaveLength(MAX_CURSOR_ENTRIES);

      await node.set("grpc14");
      node.errorTrailers = { "grpc-status": "99" };
      expect(await probeNode(client, target, settings)).toMatchObject({
        outcome: "down",
        errorClass: "malformed",
        grpcStatus: null,
      });
      node.errorTrailers = { "grpc-status": "13", "grpc-message": `%E0%A4%A\u0000${"y".repeat(5000)}` };
      const broken = await probeNode(client, target, settings);
      expect(broken).toMatchObject({ errorClass: "grpc_status", grpcStatus: 13 });
      expect(broken.error).toMatch(/^grpc-status 13: %E0%A4%A y+…$/);
      expect(broken.error).toHaveLength(MAX_ERROR_CHARS);
    } finally {
      Object.assign(node, saved);
      node.errorTrailers = { "grpc-status": "14", "grpc-message": "node%20is%20draining" };
      await node.set("healthy");
    }
  });

  it("sees a version change and a lagging cursor on the next probe", async () => {
    node.version = "v0.5.0";
    node.cursor = { 0: 3n, 1: 4n, 100: 5n };
    const result = await probeNode(client, { nodeId: 100, httpAddress: node.url }, settings);
    expect(result).toMatchObject({ version: "v0.5.0", cursor: { 0: "3", 1: "4", 100: "5" } });
  });

  it("answers the plain health check", async () => {
    expect(await checkHealth(client, node.url, 1000)).toEqual({ serving: true, status: "SERVING" });
    await node.set("http503");
    expect(await checkHealth(client, node.url, 1000)).toMatchObject({ serving: false, error: "HTTP 503" });
    await node.set("healthy");
  });

  it("classifies an unknown host as DNS and a bad TLS handshake as TLS", async () => {
    const dns = await probeNode(client, { nodeId: 1, httpAddress: "https://no-such-node.invalid" }, settings);
    expect(dns).toMatchObject({ outcome: "down", errorClass: "dns" });
    // An https URL to a plain-HTTP server fails in the TLS handshake.
    const tls = await probeNode(
      client,
      { nodeId: 1, httpAddress: node.url.replace("http:", "https:") },
      settings,
    );
    expect(tls).toMatchObject({ outcome: "down", errorClass: "tls" });
  });
});

describe("a probe round", () => {
  it("over 20 nodes where 5 hang finishes within the timeout plus 1 s, with 5 timeouts", async () => {
    const nodes = await startSimulatedNodes(20, (i) => ({ behaviour: i % 4 === 0 ? "hang" : "healthy" }));
    try {
      const targets = nodes.map((node, i) => ({ nodeId: (i + 1) * 100, httpAddress: node.url }));
      const started = performance.now();
      const round = await probeRound(client, targets, { ...settings, concurrency: 8 });
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(settings.timeoutMs + 1000);
      expect(round.results).toHaveLength(20);
      const timeouts = round.results.filter((result) => result.errorClass === "timeout");
      expect(timeouts.map((result) => result.nodeId)).toEqual([100, 500, 900, 1300, 1700]);
      expect(round.results.filter((result) => result.outcome === "up")).toHaveLength(15);
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
    }
  });

  it("skips, rather than blames, the nodes it had no full timeout left for", async () => {
    const nodes = await startSimulatedNodes(3, () => ({ behaviour: "hang" }));
    try {
      const targets = nodes.map((node, i) => ({ nodeId: i + 1, httpAddress: node.url }));
      // After the first timeout (1.5 s) only 0.5 s of the 2 s deadline is left: too little to judge.
      const round = await probeRound(client, targets, { ...settings, concurrency: 1, deadlineMs: 2000 });
      expect(round.results.map((result) => result.errorClass)).toEqual(["timeout"]);
      expect(round.skipped).toEqual([2, 3]);
    } finally {
      await Promise.all(nodes.map((node) => node.stop()));
    }
  });
});

describe("the SSRF guard", () => {
  let node: SimulatedNode;
  beforeAll(async () => {
    node = await SimulatedNode.start();
  });
  afterAll(() => node.stop());

  it.each([
    ["127.0.0.1", () => node.url],
    ["10.0.0.1", () => "http://10.0.0.1:5050"],
    ["169.254.169.254", () => "http://169.254.169.254/latest/meta-data"],
    ["a hostname resolving to loopback", () => `http://localhost:${node.port}`],
  ])("refuses %s unless private addresses are allowed", async (_, address) => {
    const started = node.calls.size;
    const result = await probeNode(guarded, { nodeId: 1, httpAddress: address() }, settings);
    expect(result).toMatchObject({ outcome: "down", errorClass: "blocked_address", httpStatus: null });
    expect(result.error).toMatch(/private, loopback, link-local or metadata address/);
    expect(node.calls.size).toBe(started);
  });

  it("follows no redirect by default, and re-checks every hop when it follows them", async () => {
    const { createServer } = await import("node:http");
    let target = node.url;
    const redirector = createServer((request, response) => {
      response.writeHead(307, { location: `${target}${request.url}` }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
    const start = `http://127.0.0.1:${(redirector.address() as { port: number }).port}`;
    // A guard that lets the loopback test servers through but not the metadata range.
    const following = new ProbeClient({
      maxRedirects: 2,
      isBlocked: (address) => address.startsWith("169.254."),
    });
    try {
      const plain = await probeNode(client, { nodeId: 1, httpAddress: start }, settings);
      expect(plain).toMatchObject({ outcome: "down", errorClass: "http_status", httpStatus: 307 });
      expect(await probeNode(following, { nodeId: 1, httpAddress: start }, settings)).toMatchObject({
        outcome: "up",
        version: "v1.0.0",
      });
      target = "http://169.254.169.254";
      expect(await probeNode(following, { nodeId: 1, httpAddress: start }, settings)).toMatchObject({
        outcome: "down",
        errorClass: "blocked_address",
      });
    } finally {
      await following.close();
      redirector.close();
    }
  });
});
