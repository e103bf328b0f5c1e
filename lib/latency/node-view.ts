import { z } from "zod";
import type { ChartAnnotation } from "@/lib/charts/annotations";
import type { Bucket } from "@/lib/charts/range";
import type { Env } from "@/lib/env";
import { INT4_MAX } from "@/lib/limits";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, issueText } from "@/lib/query-params";
import { isStorableText } from "@/lib/storable-text";
import { WINDOW_PRESETS, type WindowPreset } from "@/lib/uptime/windows";
import type { LatencyPoint } from "./series";

/** A node's probe latency (GetVersion round trips) over a window, per probing region and bucket. */
export type NodeLatencyView = {
  network: string;
  nodeId: number;
  asOf: string;
  window: WindowPreset;
  range: { from: string; to: string; bucket: Bucket };
  regions: { region: string; points: LatencyPoint[]; overall: Omit<LatencyPoint, "start"> }[];
  /** This node's incidents and maintenance windows in the window, and the whole network's. */
  annotations: ChartAnnotation[];
};

export const NODE_LATENCY_CSV_COLUMNS = ["region", "bucketStart", "samples", "p50Ms", "p95Ms", "p99Ms"];

export const nodeLatencyCsvRows = (view: NodeLatencyView) =>
  view.regions.flatMap(({ region, points }) =>
    points.map((point) => ({ region, bucketStart: point.start, ...point })),
  );

export const nodeIdParam = z.coerce.number().int().min(1).max(INT4_MAX);

const nodeLatencyQuery = (env: Pick<Env, "XMTP_NETWORKS">) =>
  z.object({
    network: collectedNetworkParam(env),
    window: z.enum(Object.keys(WINDOW_PRESETS) as [WindowPreset, ...WindowPreset[]]).optional(),
    region: z.string().min(1).max(64).refine(isStorableText, { message: "must be plain text" }).optional(),
    format: z.enum(["json", "csv"]).optional(),
  });

export type NodeLatencyQuery = {
  network: string;
  window: WindowPreset;
  region?: string;
  format: "json" | "csv";
};

/** `?network=&window=&region=&format=` of /api/v1/nodes/{id}/latency; errors name the parameter. */
export function parseNodeLatencyQuery(
  params: Record<string, string | string[] | undefined>,
  env: Pick<Env, "XMTP_NETWORKS" | "defaultNetwork">,
): { query: NodeLatencyQuery } | { error: string } {
  const parsed = nodeLatencyQuery(env).safeParse(firstOfEach(params));
  if (!parsed.success) return { error: issueText(parsed.error) };
  const { network, window, region, format } = parsed.data;
  return {
    query: {
      network: network ?? env.defaultNetwork,
      window: window ?? "7d",
      region,
      format: format ?? "json",
    },
  };
}
