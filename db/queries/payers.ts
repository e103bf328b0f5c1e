import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { PayerEventRow, PayerRead } from "@/lib/partners/checks";
import type { Db } from "../client";
import { partners, payerBalances, payerEvents } from "../schema";

/** Every payer address the partners of a network linked, lowercased, once each. */
export async function partnerPayers(db: Db, network: string): Promise<string[]> {
  const rows = await db.execute<{ address: string }>(
    sql`select distinct lower(address) as address
        from ${partners}, unnest(${partners.payerAddresses}) as address
        where ${partners.network} = ${network} order by 1`,
  );
  return rows.rows.map((row) => row.address);
}

/** The block each payer's events are scanned to (absent: never read). */
export async function payerScanState(db: Db, network: string, addresses: string[]) {
  if (addresses.length === 0) return new Map<string, number | null>();
  const rows = await db
    .select({ address: payerBalances.address, scannedTo: payerBalances.eventsScannedTo })
    .from(payerBalances)
    .where(and(eq(payerBalances.network, network), inArray(payerBalances.address, addresses)));
  return new Map(rows.map((row) => [row.address, row.scannedTo]));
}

/** The last read of each of these payers. */
export async function payerReads(db: Db, network: string, addresses: string[]): Promise<PayerRead[]> {
  if (addresses.length === 0) return [];
  const rows = await db
    .select()
    .from(payerBalances)
    .where(and(eq(payerBalances.network, network), inArray(payerBalances.address, addresses)));
  return rows.map((row) => ({
    address: row.address,
    balance: BigInt(row.balance),
    minimumDeposit: BigInt(row.minimumDeposit),
    blockNumber: row.blockNumber,
    readAt: row.readAt,
    fundedSince: row.fundedSince,
    lastFundedAt: row.lastFundedAt,
  }));
}

export type { PayerEventRow } from "@/lib/partners/checks";

/** Each payer's latest events, newest first (at most `perPayer` each). */
export async function recentPayerEvents(
  db: Db,
  network: string,
  addresses: string[],
  perPayer = 10,
): Promise<PayerEventRow[]> {
  if (addresses.length === 0) return [];
  const ranked = db
    .select({
      address: payerEvents.address,
      kind: payerEvents.kind,
      amount: payerEvents.amount,
      payerReportId: payerEvents.payerReportId,
      blockNumber: payerEvents.blockNumber,
      blockTime: payerEvents.blockTime,
      txHash: payerEvents.txHash,
      rank: sql<number>`row_number() over (partition by ${payerEvents.address} order by ${payerEvents.blockNumber} desc, ${payerEvents.logIndex} desc)`.as(
        "rank",
      ),
    })
    .from(payerEvents)
    .where(and(eq(payerEvents.network, network), inArray(payerEvents.address, addresses)))
    .as("ranked");
  const rows = await db
    .select()
    .from(ranked)
    .where(sql`${ranked.rank} <= ${perPayer}`)
    .orderBy(desc(ranked.blockNumber));
  return rows.map(({ rank: _, ...row }) => ({ ...row, amount: BigInt(row.amount) }));
}
