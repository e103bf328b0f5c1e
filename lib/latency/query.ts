import { z } from "zod";
import type { Env } from "@/lib/env";
import { collectedNetworkParam } from "@/lib/network-param";
import { isStorableText } from "@/lib/storable-text";
import { rangeQuery, resolveRange, type TimeRange } from "./range";

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
  const first = Object.fromEntries(
    Object.entries(params).flatMap(([key, value]) => {
      const one = Array.isArray(value) ? value[0] : value;
      return one === undefined || one === "" ? [] : [[key, one]];
    }),
  );
  const parsed = latencyQuery(env).safeParse(first);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}` };
  }
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

/** The query string naming a view's network, range and filters (no operation or format): the page's URL. */
export function latencySearch(
  { network, range, region, sdk }: Pick<LatencyQuery, "network" | "range" | "region" | "sdk">,
  overrides: Partial<Record<"range" | "from" | "to" | "region" | "sdk", string | undefined>> = {},
): string {
  const params = new URLSearchParams({ network });
  const ends =
    range.preset === "custom"
      ? { from: range.from.toISOString(), to: range.to.toISOString() }
      : { range: range.preset };
  const wanted = { ...ends, region, sdk, ...overrides };
  for (const [key, value] of Object.entries(wanted)) if (value) params.set(key, value);
  return params.toString();
}
