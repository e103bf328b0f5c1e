import { and, eq, inArray, sql } from "drizzle-orm";
import { lastCursorPerBucket } from "@/lib/probe/cursor-buckets";
import type { ProbeInput, ProbeSource } from "@/lib/probe/record";
import { DAY_MS } from "@/lib/time";
import type { Db, Tx } from "../client";
import { nodeCursorRollups, nodeCursorSnapshots, nodes } from "../schema";

const CHUNK = 2000;

/**
 * Stores probes of one network and region; a probe already stored (same node, region and time) is
 * skipped, so a batch sent twice is stored once. Returns how many were new.
 */
export async function insertProbes(
  db: Db | Tx,
  { network, region, source }: { network: string; region: string; source: ProbeSource },
  rows: readonly ProbeInput[],
  receivedAt?: Date,
): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const json = JSON.stringify(
      chunk.map((row) => ({
        node_id: row.nodeId,
        at: row.at.toISOString(),
        outcome: row.outcome,
        latency_ms: row.latencyMs ?? null,
        version: row.version ?? null,
        http_status: row.httpStatus ?? null,
        grpc_status: row.grpcStatus ?? null,
        error_class: row.errorClass ?? null,
        error: row.error ?? null,
      })),
    );
    // One statement with one parameter (the rows as JSON), not one parameter per value: a batch
    // of thousands of probes is parsed and planned once.
    const result = await db.execute<{ inserted: number }>(sql`
      with stored as (
        insert into probes (network, region, source, received_at, node_id, at, outcome, latency_ms, version,
                            http_status, grpc_status, error_class, error)
        select ${network}, ${region}, ${source}, coalesce(${receivedAt ?? null}::timestamptz, now()), t.*
        from jsonb_to_recordset(${json}::jsonb) as t(node_id int, at timestamptz, outcome text,
          latency_ms float8, version text, http_status int, grpc_status int, error_class text, error text)
        on conflict do nothing
        returning 1
      )
      select count(*)::int as inserted from stored`);
    inserted += Number(result.rows[0]?.inserted ?? 0);
    const cursors = chunk.filter((row) => row.cursor);
    if (cursors.length > 0) {
      await db
        .insert(nodeCursorSnapshots)
        .values(
          cursors.map((row) => ({
            network,
            region,
            nodeId: row.nodeId,
            at: row.at,
            cursor: row.cursor ?? {},
          })),
        )
        .onConflictDoNothing();
      await rollUpCursors(db, network, cursors);
    }
  }
  return inserted;
}

/** Keeps each node's last cursor per hour and day: a snapshot arriving late replaces only an older one. */
async function rollUpCursors(db: Db | Tx, network: string, rows: readonly ProbeInput[]) {
  const reads = rows.map((row) => ({ nodeId: row.nodeId, at: row.at, cursor: row.cursor ?? {} }));
  const table = nodeCursorRollups;
  await db
    .insert(table)
    .values(lastCursorPerBucket(reads).map((bucket) => ({ network, ...bucket })))
    .onConflictDoUpdate({
      target: [table.network, table.granularity, table.bucketStart, table.nodeId],
      set: { at: sql`excluded.at`, cursor: sql`excluded.cursor` },
      setWhere: sql`${table.at} < excluded.at`,
    });
}

/** Which of these node ids the registry knows on a network. */
export async function knownNodeIds(
  db: Db | Tx,
  network: string,
  ids: readonly number[],
): Promise<Set<number>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await db
    .select({ nodeId: nodes.nodeId })
    .from(nodes)
    .where(and(eq(nodes.network, network), inArray(nodes.nodeId, unique)));
  return new Set(rows.map((row) => row.nodeId));
}

/** Drops raw probe partitions (and cursor snapshots) older than `days`; returns the partitions dropped. */
export async function dropOldProbes(db: Db, { now, days }: { now: Date; days: number }): Promise<string[]> {
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const parts = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid join pg_class p on p.oid = i.inhparent
    where p.relname = 'probes' and c.relname ~ '^probes_[0-9]{8}$' and substr(c.relname, 8) < ${cutoff}`);
  for (const { name } of parts.rows) await db.execute(sql.raw(`drop table if exists "${name}"`));
  const cutoffTime = new Date(now.getTime() - days * DAY_MS);
  await db.execute(sql`delete from probes_default where at < ${cutoffTime}`);
  await db.execute(sql`delete from node_cursor_snapshots where at < ${cutoffTime}`);
  return parts.rows.map((row) => row.name);
}
