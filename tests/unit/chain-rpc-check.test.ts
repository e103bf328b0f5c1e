import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRpc, describeError, NETWORK_CODES } from "@/lib/chain/rpc-check";
import { freePort } from "../../simulation/free-port";

type Call = { id: number; method: string };
const calls: { path: string; method: string }[] = [];

// An RPC endpoint: /ok answers as a chain 31337 at block 0x2a; the other paths fail in one way each.
const server = createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => {
    body += chunk;
  });
  request.on("end", () => {
    const call = JSON.parse(body) as Call;
    const path = request.url ?? "/";
    calls.push({ path, method: call.method });
    const answer = (payload: object) =>
      response.end(JSON.stringify({ jsonrpc: "2.0", id: call.id, ...payload }));
    if (path === "/ok") answer({ result: call.method === "eth_chainId" ? "0x7a69" : "0x2a" });
    else if (path === "/rpc-error") answer({ error: { code: -32000, message: "header not found" } });
    else if (path === "/not-json") response.end("<html>");
    else if (path === "/hang") return;
    else {
      response.statusCode = 503;
      response.setHeader("retry-after", "0");
      response.end("upstream down");
    }
  });
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("checking an RPC", () => {
  it("reports its head block and how long it took", async () => {
    const check = await checkRpc(`${base}/ok`, 31337, 1000);
    expect(check).toMatchObject({ ok: true, blockNumber: 42 });
    expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    expect(check.latencyMs).toBeLessThan(1000);
    expect(Number.isInteger(check.latencyMs)).toBe(true);
  });

  it("accepts any chain when none is expected", async () => {
    expect(await checkRpc(`${base}/ok`, null, 1000)).toMatchObject({ ok: true, blockNumber: 42 });
  });

  it("fails an RPC that answers for another chain, naming both", async () => {
    const check = await checkRpc(`${base}/ok`, 8453, 1000);
    expect(check).toMatchObject({ ok: false, error: "answers for chain 31337, expected 8453" });
    expect(check.latencyMs).toBeLessThan(1000);
  });

  it("asks once, without retrying, and records an HTTP failure", async () => {
    const check = await checkRpc(`${base}/down`, null, 1000);
    expect(check).toMatchObject({ ok: false, error: "HTTP request failed." });
    expect(check.latencyMs).toBeLessThan(1000);
    expect(
      calls
        .filter((call) => call.path === "/down")
        .map((call) => call.method)
        .sort(),
    ).toEqual(["eth_blockNumber", "eth_chainId"]);
  });

  it("records a JSON-RPC error with the node's own reason", async () => {
    expect(await checkRpc(`${base}/rpc-error`, null, 1000)).toMatchObject({
      ok: false,
      error: "Missing or invalid parameters: header not found",
    });
  });

  it("records an answer that is not JSON with the parser's reason", async () => {
    expect(await checkRpc(`${base}/not-json`, null, 1000)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^HTTP request failed: Unexpected token '<', "<html>" is not valid JSON$/),
    });
  });

  it("gives up on an RPC that does not answer within the timeout", async () => {
    const check = await checkRpc(`${base}/hang`, null, 40);
    expect(check).toMatchObject({ ok: false, error: "no answer within 40 ms" });
    expect(check.latencyMs).toBeGreaterThanOrEqual(35);
  });

  it("records a refused connection", async () => {
    const port = await freePort();
    expect(await checkRpc(`http://127.0.0.1:${port}`, null, 1000)).toMatchObject({
      ok: false,
      error: "connection refused (ECONNREFUSED)",
    });
  });
});

// Errors shaped as Node's fetch and viem throw them: a wrapper whose cause chain holds the reason.
const withCause = (message: string, cause?: unknown, extra: object = {}) =>
  Object.assign(new Error(message, { cause }), extra);
const systemError = (code: string, message = `connect ${code}`) => withCause(message, undefined, { code });

describe("describing an RPC failure", () => {
  it("names each network failure by its code, however deep in the chain", () => {
    for (const [code, words] of Object.entries(NETWORK_CODES))
      expect(describeError(withCause("fetch failed", withCause("wrapped", systemError(code)))), code).toBe(
        `${words} (${code})`,
      );
    expect(NETWORK_CODES).toEqual({
      ENOTFOUND: "DNS lookup failed",
      EAI_AGAIN: "DNS lookup failed",
      ECONNREFUSED: "connection refused",
      ECONNRESET: "connection reset",
      EHOSTUNREACH: "host unreachable",
      ENETUNREACH: "network unreachable",
    });
  });

  it("names a TLS failure by its code", () => {
    expect(describeError(withCause("fetch failed", systemError("ERR_TLS_CERT_ALTNAME_INVALID")))).toBe(
      "TLS error (ERR_TLS_CERT_ALTNAME_INVALID)",
    );
    expect(describeError(withCause("fetch failed", systemError("DEPTH_ZERO_SELF_SIGNED_CERT")))).toBe(
      "TLS error (DEPTH_ZERO_SELF_SIGNED_CERT)",
    );
    expect(describeError(withCause("fetch failed", systemError("ERR_TLS_HANDSHAKE_TIMEOUT")))).toBe(
      "TLS error (ERR_TLS_HANDSHAKE_TIMEOUT)",
    );
    expect(describeError(withCause("fetch failed", systemError("ECONNABORTED", "aborted")))).toBe(
      "fetch failed: aborted",
    );
    expect(describeError(withCause("fetch failed", systemError("CERT_HAS_EXPIRED")))).toBe(
      "TLS error (CERT_HAS_EXPIRED)",
    );
  });

  it("says a timeout is one, with the limit when it is known", () => {
    const timeout = withCause("The request took too long", withCause("aborted"), { name: "TimeoutError" });
    expect(describeError(timeout, 5000)).toBe("no answer within 5000 ms");
    expect(describeError(timeout)).toBe("no answer in time");
    expect(
      describeError(withCause("fetch failed", Object.assign(new Error("x"), { name: "TimeoutError" })), 50),
    ).toBe("no answer within 50 ms");
  });

  it("looks no deeper than six errors down the chain", () => {
    const chain = (depth: number): unknown =>
      depth === 0 ? systemError("ECONNREFUSED", "refused") : withCause(`level ${depth}`, chain(depth - 1));
    expect(describeError(chain(5))).toBe("connection refused (ECONNREFUSED)");
    expect(describeError(chain(6))).toBe("level 6: level 1");
  });

  it("adds the deepest cause's first line to the summary, unless the summary already says it", () => {
    const error = withCause(
      "HTTP request failed.\n\nURL: http://rpc",
      withCause("socket hang up\nat line 2"),
    );
    expect(describeError(error)).toBe("HTTP request failed: socket hang up");
    expect(describeError(withCause("No answer from rpc.example.org.", withCause("socket hang up")))).toBe(
      "No answer from rpc.example.org: socket hang up",
    );
    expect(describeError(withCause("failed: socket hang up", withCause("socket hang up")))).toBe(
      "failed: socket hang up",
    );
    expect(describeError(withCause("Request failed", withCause("first", withCause("deepest"))))).toBe(
      "Request failed: deepest",
    );
  });

  it("prefers viem's short message, and describes what is not an Error", () => {
    const viem = Object.assign(new Error("Long\nDetails: everything"), { shortMessage: "Short." });
    expect(describeError(viem)).toBe("Short.");
    expect(describeError("plain words")).toBe("plain words");
    expect(describeError(withCause("outer", { message: "" }))).toBe("outer");
  });

  it("ignores JSON-RPC's numeric codes when looking for a network failure", () => {
    expect(
      describeError(
        withCause("Missing or invalid parameters.", { code: -32000, message: "header not found" }),
      ),
    ).toBe("Missing or invalid parameters: header not found");
  });
});
