import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { jobLeases } from "../schema";

/**
 * Claims the turn of a scheduled job for `forMs` (on the database's clock, so instances' clocks do
 * not matter): true when this holder has it, false while another holder's turn has not expired.
 */
export async function claimTurn(
  db: Db,
  { name, holder, forMs }: { name: string; holder: string; forMs: number },
): Promise<boolean> {
  const until = sql`now() + ${Math.max(1, Math.round(forMs))} * interval '1 millisecond'`;
  const claimed = await db
    .insert(jobLeases)
    .values({ name, holder, until })
    .onConflictDoUpdate({
      target: jobLeases.name,
      set: { holder, until },
      setWhere: sql`${jobLeases.until} <= now() or ${jobLeases.holder} = ${holder}`,
    })
    .returning({ name: jobLeases.name });
  return claimed.length > 0;
}
