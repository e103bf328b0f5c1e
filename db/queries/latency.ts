import { and, asc, eq, gte, isNotNull, lt } from "drizzle-orm";
import type { LatencyResult } from "@/lib/latency/series";
import type { Db } from "../client";
import { benchmarkResults } from "../schema";

type Filter = { network: string; from: Date; to: Date; region?: string; sdk?: string };

/** Every mapped benchmark result of a network in [from, to), optionally of one region or SDK. */
export async function getLatencyResults(
  db: Db,
  { network, from, to, region, sdk }: Filter,
): Promise<LatencyResult[]> {
  const rows = await db
    .select({
      metricKey: benchmarkResults.metricKey,
      startedAt: benchmarkResults.startedAt,
      histogram: benchmarkResults.histogram,
    })
    .from(benchmarkResults)
    .where(
      and(
        eq(benchmarkResults.network, network),
        isNotNull(benchmarkResults.metricKey),
        gte(benchmarkResults.startedAt, from),
        lt(benchmarkResults.startedAt, to),
        region === undefined ? undefined : eq(benchmarkResults.region, region),
        sdk === undefined ? undefined : eq(benchmarkResults.sdk, sdk),
      ),
    )
    .orderBy(asc(benchmarkResults.startedAt));
  return rows.map((row) => ({ ...row, metricKey: row.metricKey as string }));
}

/** The regions and SDKs a network's benchmark results name, for the filters. */
export async function getLatencyFilterValues(db: Db, { network }: { network: string }) {
  const [regions, sdks] = await Promise.all(
    (["region", "sdk"] as const).map((column) =>
      db
        .selectDistinct({ value: benchmarkResults[column] })
        .from(benchmarkResults)
        .where(and(eq(benchmarkResults.network, network), isNotNull(benchmarkResults[column])))
        .orderBy(asc(benchmarkResults[column])),
    ),
  );
  const values = (rows: { value: string | null }[] = []) => rows.map((row) => row.value as string);
  return { regions: values(regions), sdks: values(sdks) };
}
