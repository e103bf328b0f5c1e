import type { Db } from "@/db/client";
import { getChartAnnotations } from "@/db/queries/incidents";
import { regionLatencyBuckets } from "@/db/queries/uptime";
import { bucketFor } from "@/lib/charts/range";
import type { NodeLatencyView } from "@/lib/latency/node-view";
import { latencySeries } from "@/lib/latency/series";
import { resolveWindow, WINDOW_PRESETS, type WindowPreset } from "@/lib/uptime/windows";

/** A node's probe latency p50 / p95 / p99 per probing region, hourly up to two days, daily beyond. */
export async function nodeLatencyView(
  db: Db,
  {
    network,
    nodeId,
    window,
    region,
    now,
  }: { network: string; nodeId: number; window: WindowPreset; region?: string; now: Date },
): Promise<NodeLatencyView> {
  const { from, to } = resolveWindow(window, now);
  const range = { from, to, bucket: bucketFor(WINDOW_PRESETS[window]) };
  const [buckets, annotations] = await Promise.all([
    regionLatencyBuckets(db, network, nodeId, range),
    getChartAnnotations(db, { network, nodeId, from, to }),
  ]);
  const rows = buckets.filter((row) => !region || row.region === region);
  const regions = [...new Set(rows.map((row) => row.region))].sort();
  const series = latencySeries(
    {
      buckets: rows.map((row) => ({ metricKey: row.region, start: row.start, histogram: row.histogram })),
      summaryResults: new Map(),
    },
    range,
    regions,
  );
  return {
    network,
    nodeId,
    asOf: now.toISOString(),
    window,
    range: { from: from.toISOString(), to: to.toISOString(), bucket: range.bucket },
    regions: series.map(({ metricKey, points, overall }) => ({ region: metricKey, points, overall })),
    annotations,
  };
}
