import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { dataSources } from "../schema";

export type SourceCheckResult = {
  network: string;
  source: string;
  endpoint: string;
  at: Date;
  ok: boolean;
  error?: string;
  detail?: Record<string, unknown>;
};

/** Records a check; `failingSince` keeps the start of an ongoing outage. */
export async function recordSourceCheck(db: Db, result: SourceCheckResult): Promise<void> {
  const row = {
    network: result.network,
    source: result.source,
    endpoint: result.endpoint,
    status: result.ok ? ("ok" as const) : ("unreachable" as const),
    lastCheckedAt: result.at,
    lastOkAt: result.ok ? result.at : null,
    failingSince: result.ok ? null : result.at,
    lastError: result.ok ? null : (result.error ?? "unreachable"),
    detail: result.detail ?? null,
  };
  await db
    .insert(dataSources)
    .values(row)
    .onConflictDoUpdate({
      target: [dataSources.network, dataSources.source],
      set: {
        endpoint: row.endpoint,
        status: row.status,
        lastCheckedAt: row.lastCheckedAt,
        lastOkAt: result.ok ? row.lastOkAt : sql`${dataSources.lastOkAt}`,
        failingSince: result.ok ? null : sql`coalesce(${dataSources.failingSince}, ${row.failingSince})`,
        lastError: row.lastError,
        detail: row.detail,
      },
    });
}
