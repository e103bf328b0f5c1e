import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type RpcCall = { jsonrpc: "2.0"; id: number; method: string; params?: unknown[] };
/** Answers a call itself (a JSON-RPC error, say), rewrites it before it goes on, or lets it through. */
export type Intercept = (call: RpcCall) => { error: { code: number; message: string } } | RpcCall | undefined;

/**
 * A JSON-RPC proxy in front of the local chain, acting out what a real node cannot: a public RPC's
 * refusals, or one call's failure. Every call is recorded.
 */
export async function startInterceptingProxy(target: string) {
  const calls: RpcCall[] = [];
  let intercept: Intercept = () => undefined;
  const forward = async (call: RpcCall): Promise<unknown> => {
    calls.push(call);
    const decided = intercept(call);
    if (decided && "error" in decided) return { jsonrpc: "2.0", id: call.id, ...decided };
    const response = await fetch(target, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(decided ?? call),
    });
    return response.json();
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", async () => {
      const parsed = JSON.parse(body) as RpcCall | RpcCall[];
      const result = Array.isArray(parsed) ? await Promise.all(parsed.map(forward)) : await forward(parsed);
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    /** Replaces the interception rule; `undefined` lets every call through. */
    intercept: (rule?: Intercept) => {
      intercept = rule ?? (() => undefined);
      calls.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
