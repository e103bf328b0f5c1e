import type { Tx } from "../client";
import { auditLog } from "../schema";

/** A team change: who asks, when, and the fields asked for. */
export type Change<T> = { actor: string; at: Date; changes: Partial<T> };

/** What changed, field by field; nothing when every value asked for is the one stored. */
export const diff = <T extends Record<string, unknown>>(before: T, asked: Partial<T>) => {
  const keys = (Object.keys(asked) as (keyof T)[]).filter((key) => asked[key] !== before[key]);
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key]])) as Partial<T>,
    after: Object.fromEntries(keys.map((key) => [key, asked[key]])) as Partial<T>,
  };
};

/** The public audit row of a change, written in the change's transaction. */
export async function audit(
  tx: Tx,
  row: {
    actor: string;
    at: Date;
    action: string;
    entityType: string;
    entityKey: string;
    network: string | null;
  },
  before: unknown,
  after: unknown,
) {
  await tx.insert(auditLog).values({ ...row, before, after });
}
