import { and, between, eq, inArray, sql } from "drizzle-orm";
import type { PayerLog } from "@/lib/chain/payer-registry";
import type { Db } from "../client";
import { payerBalances, payerEvents } from "../schema";
import { chunks } from "./chunks";

/**
 * Stores each payer's balance from one read of the PayerRegistry (a read never moves a payer back to
 * an earlier block), since when it has been funded and when it last was.
 */
export async function savePayerBalances(
  db: Db,
  read: {
    network: string;
    blockNumber: number;
    readAt: Date;
    minimumDeposit: bigint;
    balances: { address: string; balance: bigint }[];
  },
): Promise<void> {
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
          },
          setWhere: sql`excluded.block_number >= ${payerBalances.blockNumber}`,
        });
    }
  });
}

/**
 * The payers' events of one scanned range, in one transaction: they replace what was stored for that
 * range (so a reorganised block leaves nothing behind), and the payers are marked scanned to its end.
 * Two reads of the same range at once store each event once.
 */
export async function savePayerEvents(
  db: Db,
  range: {
    network: string;
    addresses: string[];
    fromBlock: number;
    toBlock: number;
    logs: (PayerLog & { blockTime: Date })[];
  },
): Promise<void> {
  const addresses = range.addresses.map((address) => address.toLowerCase());
  if (addresses.length === 0) return;
  await db.transaction(async (tx) => {
    await tx
      .delete(payerEvents)
      .where(
        and(
          eq(payerEvents.network, range.network),
          inArray(payerEvents.address, addresses),
          between(payerEvents.blockNumber, range.fromBlock, range.toBlock),
        ),
      );
    for (const part of chunks(range.logs))
      await tx
        .insert(payerEvents)
        .values(
          part.map((log) => ({
            network: range.network,
            address: log.address.toLowerCase(),
            kind: log.kind,
            amount: log.amount.toString(),
            payerReportId: log.payerReportId,
            blockNumber: log.blockNumber,
            blockTime: log.blockTime,
            txHash: log.txHash,
            logIndex: log.logIndex,
          })),
        )
        .onConflictDoNothing();
    await tx
      .update(payerBalances)
      .set({ eventsScannedTo: range.toBlock })
      .where(and(eq(payerBalances.network, range.network), inArray(payerBalances.address, addresses)));
  });
}
