import { RpcRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { isRangeRefusal } from "@/lib/chain/events";

const rpcError = (message: string, params: unknown[] = []) =>
  new RpcRequestError({
    body: { method: "eth_getLogs", params },
    error: { code: -32005, message },
    url: "http://rpc",
  });

describe("telling a refused eth_getLogs range from other RPC errors", () => {
  it("halves on the refusals public RPCs give for wide ranges", () => {
    expect(isRangeRefusal(rpcError("block range too large: 10001 > 10000"))).toBe(true);
    expect(isRangeRefusal(rpcError("query returned more than 10000 results"))).toBe(true);
    expect(isRangeRefusal(rpcError("Log response size exceeded."))).toBe(true);
    expect(isRangeRefusal(rpcError("eth_getLogs is limited to a 10,000 range"))).toBe(true);
  });

  it("reads the RPC's words, not the request it quotes (a payer address may hold the digits 429)", () => {
    const filter = { topics: [null, "0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"] };
    expect(isRangeRefusal(rpcError("block range too large: 6 > 5", [filter]))).toBe(true);
  });

  it("does not halve on a rate limit or on anything that is not an RPC error", () => {
    expect(isRangeRefusal(rpcError("rate limit exceeded"))).toBe(false);
    expect(isRangeRefusal(rpcError("Too Many Requests: limit exceeded"))).toBe(false);
    expect(isRangeRefusal(new Error("block range too large"))).toBe(false);
  });
});
