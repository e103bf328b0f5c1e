import { and, between, eq, inArray, sql } from "drizzle-orm";
import type { PayerLog } from "@/lib/chain/payer-registry";
import type { Db } from "../client";
import { payerBalances, payerEvents } from "../schema";
import { chunks } from "./chunks";

export type PayerReadResult = {
  network: string;
  blockNumber: number;
  readAt: Date;
  minimumDeposit: bigint;
  balances: { address: string; balance: bigint }[];
  /** The events of [fromBlock, toBlock] for these payers: they replace what was stored for that range. */
  events: { fromBlock: number; toBlock: number; logs: (PayerLog & { blockTime: Date })[] };
};

/**
 * Stores one read of the PayerRegistry in one transaction: each payer's balance (a read never moves
 * a payer back to an earlier block), since when it has been funded and when it last was, and the
 * events of the scanned range (replaced, so a reorganised block leaves nothing behind).
 */
export async function savePayerRead(db: Db, read: PayerReadResult): Promise<void> {
  const addresses = read.balances.map((item) => item.address.toLowerCase());
  await db.transaction(async (tx) => {
    for (const part of chunks(read.balances)) {
      await tx
        .insert(payerBalances)
        .values(
          part.map(({ address, balance }) => {
            const funded = balance >= read.minimumDeposit;
            return {
              network: read.network,
              address: address.toLowerCase(),
              balance: balance.toString(),
              minimumDeposit: read.minimumDeposit.toString(),
              blockNumber: read.blockNumber,
              readAt: read.readAt,
              fundedSince: funded ? read.readAt : null,
              lastFundedAt: funded ? read.readAt : null,
              eventsScannedTo: read.events.toBlock,
            };
          }),
        )
        .onConflictDoUpdate({
          target: [payerBalances.network, payerBalances.address],
          set: {
            balance: sql`excluded.balance`,
            minimumDeposit: sql`excluded.minimum_deposit`,
            blockNumber: sql`excluded.block_number`,
            readAt: sql`excluded.read_at`,
            fundedSince: sql`case when excluded.balance >= excluded.minimum_deposit then coalesce(${payerBalances.fundedSince}, excluded.read_at) end`,
            lastFundedAt: sql`case when excluded.balance >= excluded.minimum_deposit then excluded.read_at else ${payerBalances.lastFundedAt} end`,
            eventsScannedTo: sql`excluded.events_scanned_to`,
          },
          setWhere: sql`excluded.block_number >= ${payerBalances.blockNumber}`,
        });
    }
    if (addresses.length === 0) return;
    await tx
      .delete(payerEvents)
      .where(
        and(
          eq(payerEvents.network, read.network),
          inArray(payerEvents.address, addresses),
          between(payerEvents.blockNumber, read.events.fromBlock, read.events.toBlock),
        ),
      );
    for (const part of chunks(read.events.logs))
      await tx.insert(payerEvents).values(
        part.map((log) => ({
          network: read.network,
          address: log.address.toLowerCase(),
          kind: log.kind,
          amount: log.amount.toString(),
          payerReportId: log.payerReportId,
          blockNumber: log.blockNumber,
          blockTime: log.blockTime,
          txHash: log.txHash,
          logIndex: log.logIndex,
        })),
      );
  });
}
