import { desc, eq, sql } from "drizzle-orm";
import { type Address, keccak256, toHex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPartner, type PartnerInput } from "@/db/mutations/partners";
import { partnerBySlug } from "@/db/queries/partners";
import { dataSources, jobRuns, payerBalances, payerEvents } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { runPayerCheckJob } from "@/server/jobs/payer-check";
import { partnersReadiness } from "@/server/partners/readiness";
import {
  deployTestPayerRegistry,
  freePort,
  type LocalChain,
  type Registry,
  startLocalChain,
} from "../../simulation/evm/local-chain";
import { startRpcProxy } from "../fixtures/evm/rpc-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const USD = 1_000_000n;
let chain: LocalChain;
let payerRegistry: Registry;
let proxy: Awaited<ReturnType<typeof startRpcProxy>>;
let test: TestDatabase;
let payerA: Address;
let payerB: Address;
let clock = new Date("2026-12-01T12:00:00Z");
const tick = (minutes = 5) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
  return clock;
};

const partner = (payers: string[]): PartnerInput => ({
  slug: "converse",
  name: "Converse",
  appUrl: "https://converse.example.org",
  network: "local",
  payerAddresses: payers,
  sdks: [],
  listed: true,
  contact: "ops@converse.example.org",
  notes: null,
  requiredRuns: 5,
});

const check = (options: { chunkSize?: number } = {}) =>
  runPayerCheckJob(test.handle.db, test.env, {
    network: "local",
    trigger: "cli",
    now: () => clock,
    ...options,
  });

async function gateway(at = clock) {
  const row = await partnerBySlug(test.handle.db, "converse");
  if (!row) throw new Error("no partner");
  const { readiness } = await partnersReadiness(test.handle.db, { partners: [row], now: at });
  const found = readiness[0]?.checks.find((item) => item.key === "gateway_funded");
  if (!found) throw new Error("no gateway check");
  return { ...found, events: readiness[0]?.payerEvents ?? [] };
}

const reportId = (n: number) => keccak256(toHex(`report-${n}`));

beforeAll(async () => {
  chain = await startLocalChain();
  payerRegistry = await deployTestPayerRegistry(chain, 10n * USD);
  proxy = await startRpcProxy(chain.rpcUrl, await freePort(), { maxLogRange: 5 });
  [, payerA, payerB] = chain.accounts as [Address, Address, Address];
  test = await createTestDatabase({
    XMTP_NETWORKS: "local",
    SETTLEMENT_RPC_URL: proxy.url,
    NODE_REGISTRY_ADDRESS: "0x000000000000000000000000000000000000dEaD",
    PAYER_REGISTRY_ADDRESS: payerRegistry.address,
  });
  await seedDatabase(test.handle.db, test.env);
}, 120_000);

afterAll(async () => {
  await test?.drop();
  await proxy?.stop();
  await chain?.stop();
});

describe("PayerRegistry reads for partners' gateways", () => {
  it("reads nothing, and needs no RPC, while no partner of the network has linked a payer", async () => {
    await proxy.stop();
    try {
      expect(await check()).toEqual({ payers: 0, funded: 0, events: 0, blockNumber: null });
    } finally {
      await proxy.start();
    }
  });

  it("is unknown until a payer is read, then funded once each payer holds the minimum deposit", async () => {
    await createPartner(test.handle.db, partner([payerA, payerB]), "0xteam");
    expect((await gateway()).status).toBe("unknown");
    await payerRegistry.write("deposit", [payerA, 10n * USD]);
    await payerRegistry.write("deposit", [payerB, 15n * USD]);
    const first = tick();
    // The proxy refuses ranges wider than 5 blocks: the scan narrows and still finds every event.
    expect(await check({ chunkSize: 50 })).toMatchObject({ payers: 2, funded: 2, events: 2 });
    const result = await gateway();
    expect(result.status).toBe("pass");
    expect(result.since).toEqual(first);
    expect(result.summary).toBe("2 of 2 payers funded (minimum 10.00 USDC)");
    expect(result.events.map((event) => [event.address, event.kind, event.amount])).toEqual([
      [payerB.toLowerCase(), "deposit", 15n * USD],
      [payerA.toLowerCase(), "deposit", 10n * USD],
    ]);
    const [run] = await test.handle.db.select().from(jobRuns).orderBy(desc(jobRuns.id)).limit(1);
    expect(run).toMatchObject({ job: "payer_check", network: "local", outcome: "ok" });
  });

  it("turns not funded when settled usage leaves a payer in debt, and funded again after a deposit", async () => {
    await payerRegistry.write("settleUsage", [reportId(1), payerB, 20n * USD]);
    tick();
    await check();
    const inDebt = await gateway();
    expect(inDebt.status).toBe("fail");
    expect(inDebt.missing).toEqual([`deposit to ${payerB}: it holds −5.00 USDC, the minimum is 10.00 USDC`]);
    const [stored] = await test.handle.db
      .select()
      .from(payerBalances)
      .where(eq(payerBalances.address, payerB.toLowerCase()));
    expect(stored).toMatchObject({ balance: String(-5n * USD), fundedSince: null });
    expect(inDebt.events[0]).toMatchObject({
      kind: "usage_settled",
      amount: 20n * USD,
      payerReportId: reportId(1),
    });

    await payerRegistry.write("deposit", [payerB, 20n * USD]); // −5 + 20 = 15
    const refunded = tick();
    await check();
    const again = await gateway();
    expect(again.status).toBe("pass");
    expect(again.since).toEqual(refunded); // the streak restarted when B was funded again
  });

  it("follows the minimum deposit the contract reports", async () => {
    await payerRegistry.write("setMinimumDeposit", [12n * USD]);
    tick();
    await check();
    const raised = await gateway();
    expect(raised.status).toBe("fail"); // A holds 10
    expect(raised.summary).toBe("1 of 2 payers funded (minimum 12.00 USDC)");
    await payerRegistry.write("setMinimumDeposit", [10n * USD]);
    tick();
    await check();
    expect((await gateway()).status).toBe("pass");
  });

  it("stores each event once however often the same blocks are read", async () => {
    const count = async () =>
      Number(
        (await test.handle.db.execute<{ n: number }>(sql`select count(*)::int as n from payer_events`))
          .rows[0]?.n,
      );
    const before = await count();
    tick();
    await check();
    tick();
    await check();
    expect(await count()).toBe(before);
    expect(before).toBe(4); // 3 deposits, 1 settlement
    const kinds = await test.handle.db.select({ kind: payerEvents.kind }).from(payerEvents);
    expect(kinds.filter((row) => row.kind === "usage_settled")).toHaveLength(1);
  });

  it("keeps the balances of a read whose event scan the RPC cut short, and reads the events next time", async () => {
    await payerRegistry.write("deposit", [payerA, 10n * USD]); // A: 10 + 10
    const at = tick();
    proxy.failAfterGetLogs(0); // balances read, then the RPC goes away at the first log query
    try {
      await expect(check()).rejects.toThrow(/PayerRegistry read on local failed/);
    } finally {
      proxy.reset();
      await proxy.start();
    }
    const [a] = await test.handle.db
      .select()
      .from(payerBalances)
      .where(eq(payerBalances.address, payerA.toLowerCase()));
    expect(a).toMatchObject({ balance: String(20n * USD), readAt: at });
    const deposits = async () =>
      (await test.handle.db.select().from(payerEvents).where(eq(payerEvents.address, payerA.toLowerCase())))
        .length;
    expect(await deposits()).toBe(1);
    tick();
    await check();
    expect(await deposits()).toBe(2);
  });

  it("reads a payer back no further than the lookback, however long ago it was last read", async () => {
    const head = Number(await chain.publicClient.getBlockNumber());
    await test.handle.db.update(payerBalances).set({ eventsScannedTo: 1 });
    const progress: string[] = [];
    await runPayerCheckJob(
      test.handle.db,
      { ...test.env, PAYER_EVENTS_LOOKBACK_BLOCKS: 3 },
      {
        network: "local",
        trigger: "cli",
        now: () => tick(),
        chunkSize: 1,
        log: (line) => progress.push(line),
      },
    );
    expect(progress).toEqual([
      `read payer events of blocks ${head - 2}-${head - 2}`,
      `read payer events of blocks ${head - 1}-${head - 1}`,
      `read payer events of blocks ${head}-${head}`,
    ]);
  });

  it("with the RPC down: the run fails and is recorded, the last read stays, and turns stale with the error", async () => {
    const before = await test.handle.db.select().from(payerBalances).orderBy(payerBalances.address);
    await proxy.stop();
    try {
      await expect(check()).rejects.toThrow(/PayerRegistry read on local failed: connection refused/);
    } finally {
      await proxy.start();
    }
    const [run] = await test.handle.db.select().from(jobRuns).orderBy(desc(jobRuns.id)).limit(1);
    expect(run).toMatchObject({ job: "payer_check", outcome: "failed" });
    const [source] = await test.handle.db
      .select()
      .from(dataSources)
      .where(eq(dataSources.source, "payer_registry"));
    expect(source).toMatchObject({ status: "unreachable" });
    expect(await test.handle.db.select().from(payerBalances).orderBy(payerBalances.address)).toEqual(before);

    const fresh = await gateway();
    expect(fresh).toMatchObject({ status: "pass", stale: false });
    const later = await gateway(new Date(clock.getTime() + 16 * 60_000));
    expect(later).toMatchObject({ status: "pass", stale: true });
    expect(later.missing).toEqual([expect.stringMatching(/^the last chain read failed: connection refused/)]);
  });

  it("fails a run whose network has no PayerRegistry address, naming the variable", async () => {
    const env = { ...test.env, PAYER_REGISTRY_ADDRESS: undefined };
    await expect(
      runPayerCheckJob(test.handle.db, env, { network: "local", trigger: "cli", now: () => clock }),
    ).rejects.toThrow(/no PayerRegistry address for local: set PAYER_REGISTRY_ADDRESS/);
  });
});
