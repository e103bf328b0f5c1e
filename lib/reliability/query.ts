import { z } from "zod";
import { rangeQuery, resolveRange, type TimeRange } from "@/lib/charts/range";
import type { Env } from "@/lib/env";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, issueText } from "@/lib/query-params";
import { RELIABILITY_CHARTS, type ReliabilityChart } from "./view";

const reliabilityQuery = (env: Pick<Env, "XMTP_NETWORKS">) =>
  rangeQuery.extend({
    network: collectedNetworkParam(env),
    chart: z.enum(RELIABILITY_CHARTS).optional(),
    format: z.enum(["json", "csv"]).optional(),
  });

export type ReliabilityQuery = {
  network: string;
  range: TimeRange;
  chart?: ReliabilityChart;
  format: "json" | "csv";
};

/** Parses /reliability's and /api/v1/reliability's parameters; a CSV holds one chart, so it names one. */
export function parseReliabilityQuery(
  params: Record<string, string | string[] | undefined>,
  env: Pick<Env, "XMTP_NETWORKS" | "defaultNetwork">,
  now: Date,
): { query: ReliabilityQuery } | { error: string } {
  const parsed = reliabilityQuery(env).safeParse(firstOfEach(params));
  if (!parsed.success) return { error: issueText(parsed.error) };
  const { network, chart, format, ...range } = parsed.data;
  if (format === "csv" && !chart)
    return { error: `chart: a CSV holds one chart; name it (${RELIABILITY_CHARTS.join(", ")})` };
  const resolved = resolveRange(range, now);
  if ("error" in resolved) return resolved;
  return {
    query: { network: network ?? env.defaultNetwork, range: resolved.range, chart, format: format ?? "json" },
  };
}
