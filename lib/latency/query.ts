import { z } from "zod";
import { rangeQuery, resolveRange, type TimeRange } from "@/lib/charts/range";
import type { Env } from "@/lib/env";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, issueText } from "@/lib/query-params";
import { isStorableText } from "@/lib/storable-text";

const label = z.string().min(1).max(64).refine(isStorableText, { message: "must be plain text" });

/** The query of /latency and /api/v1/latency: network, range, region, SDK, one operation, format. */
export const latencyQuery = (env: Pick<Env, "XMTP_NETWORKS">) =>
  rangeQuery.extend({
    network: collectedNetworkParam(env),
    region: label.optional(),
    sdk: label.optional(),
    operation: z
      .string()
      .regex(/^[a-z0-9_]{1,64}$/, "must be a criterion key")
      .optional(),
    format: z.enum(["json", "csv"]).optional(),
  });

export type LatencyQuery = {
  network: string;
  range: TimeRange;
  region?: string;
  sdk?: string;
  operation?: string;
  format: "json" | "csv";
};

/** Parses a page's or a request's parameters (the first of each repeated one); errors name the parameter. */
export function parseLatencyQuery(
  params: Record<string, string | string[] | undefined>,
  env: Pick<Env, "XMTP_NETWORKS" | "defaultNetwork">,
  now: Date,
): { query: LatencyQuery } | { error: string } {
  const parsed = latencyQuery(env).safeParse(firstOfEach(params));
  if (!parsed.success) return { error: issueText(parsed.error) };
  const { network, region, sdk, operation, format, ...range } = parsed.data;
  const resolved = resolveRange(range, now);
  if ("error" in resolved) return resolved;
  return {
    query: {
      network: network ?? env.defaultNetwork,
      range: resolved.range,
      region,
      sdk,
      operation,
      format: format ?? "json",
    },
  };
}
