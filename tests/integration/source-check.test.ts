import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSourceStatuses } from "@/db/queries/network";
import { seedDatabase } from "@/db/seed";
import { runSourceCheck } from "@/lib/jobs/source-check";
import { startJsonRpcServer } from "../fixtures/json-rpc-server";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

let test: TestDatabase;
let rpc: Awaited<ReturnType<typeof startJsonRpcServer>>;

beforeAll(async () => {
  rpc = await startJsonRpcServer({ chainId: 84532, blockNumber: 29_400_000 });
  test = await createTestDatabase({
    XMTP_NETWORKS: "testnet",
    TESTNET_RPC_URL: rpc.url,
    SOURCE_CHECK_TIMEOUT_MS: "2000",
  });
  await seedDatabase(test.handle.db, test.env);
});
afterAll(async () => {
  await rpc?.stop();
  await test?.drop();
});

const at = (iso: string) => () => new Date(iso);

describe("data source reachability", () => {
  it("records an answering RPC as ok with its head block", async () => {
    const [result] = await runSourceCheck(test.handle.db, test.env, at("2026-11-22T10:00:00Z"));
    expect(result).toMatchObject({ network: "testnet", ok: true, blockNumber: 29_400_000 });
    const [status] = await getSourceStatuses(test.handle.db);
    expect(status).toMatchObject({
      network: "testnet",
      source: "rpc",
      endpoint: new URL(rpc.url).host,
      status: "ok",
      failingSince: null,
      lastOkAt: new Date("2026-11-22T10:00:00Z"),
    });
  });

  it("says since when a source is unreachable, keeping the start of the outage across checks", async () => {
    await rpc.stop();
    await runSourceCheck(test.handle.db, test.env, at("2026-11-22T10:01:00Z"));
    await runSourceCheck(test.handle.db, test.env, at("2026-11-22T10:02:00Z"));
    const [status] = await getSourceStatuses(test.handle.db);
    expect(status).toMatchObject({
      status: "unreachable",
      failingSince: new Date("2026-11-22T10:01:00Z"),
      lastCheckedAt: new Date("2026-11-22T10:02:00Z"),
      lastOkAt: new Date("2026-11-22T10:00:00Z"),
    });
    expect(status?.lastError).toBe("connection refused (ECONNREFUSED)");
  });

  it("clears the outage when the source answers again", async () => {
    rpc = await startJsonRpcServer({ chainId: 84532, blockNumber: 29_400_010 });
    const env = { ...test.env, TESTNET_RPC_URL: rpc.url };
    await runSourceCheck(test.handle.db, env, at("2026-11-22T10:03:00Z"));
    const [status] = await getSourceStatuses(test.handle.db);
    expect(status).toMatchObject({ status: "ok", failingSince: null, lastError: null });
  });

  it("reports an RPC of the wrong chain as a failure naming both chain ids", async () => {
    const wrong = await startJsonRpcServer({ chainId: 1, blockNumber: 5 });
    try {
      const [result] = await runSourceCheck(test.handle.db, { ...test.env, TESTNET_RPC_URL: wrong.url });
      expect(result).toMatchObject({ ok: false, error: "answers for chain 1, expected 84532" });
    } finally {
      await wrong.stop();
    }
  });

  it("gives up on an RPC that never answers after the timeout, and says so", async () => {
    const hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    try {
      const env = { ...test.env, TESTNET_RPC_URL: url, SOURCE_CHECK_TIMEOUT_MS: 300 };
      const [result] = await runSourceCheck(test.handle.db, env);
      expect(result).toMatchObject({ ok: false, error: "no answer within 300 ms" });
    } finally {
      hanging.closeAllConnections();
      hanging.close();
    }
  });
});
