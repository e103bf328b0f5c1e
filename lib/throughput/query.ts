import { z } from "zod";
import { rangeQuery, resolveRange, type TimeRange } from "@/lib/charts/range";
import type { Env } from "@/lib/env";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, issueText } from "@/lib/query-params";

const throughputQuery = (env: Pick<Env, "XMTP_NETWORKS">) =>
  rangeQuery.extend({
    network: collectedNetworkParam(env),
    target: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/, "must be a criterion key")
      .optional(),
    format: z.enum(["json", "csv"]).optional(),
  });

export type ThroughputQuery = { network: string; range: TimeRange; target?: string; format: "json" | "csv" };

/** Parses /throughput's and /api/v1/throughput's parameters: 90 days by default (runs are few). */
export function parseThroughputQuery(
  params: Record<string, string | string[] | undefined>,
  env: Pick<Env, "XMTP_NETWORKS" | "defaultNetwork">,
  now: Date,
): { query: ThroughputQuery } | { error: string } {
  const parsed = throughputQuery(env).safeParse(firstOfEach(params));
  if (!parsed.success) return { error: issueText(parsed.error) };
  const { network, target, format, ...range } = parsed.data;
  const resolved = resolveRange(range, now, "90d");
  if ("error" in resolved) return resolved;
  return {
    query: {
      network: network ?? env.defaultNetwork,
      range: resolved.range,
      target,
      format: format ?? "json",
    },
  };
}
