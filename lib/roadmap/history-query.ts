import { z } from "zod";
import { rangeQuery, resolveRange, type TimeRange } from "@/lib/charts/range";
import { firstOfEach, issueText } from "@/lib/query-params";

const historyQuery = rangeQuery.extend({ format: z.enum(["json", "csv"]).optional() });

/** `?range=` or `?from=&to=` (90 days by default) and `?format=` of a target's history. */
export function parseHistoryQuery(
  params: Record<string, string | string[] | undefined>,
  now: Date,
): { query: { range: TimeRange; format: "json" | "csv" } } | { error: string } {
  const parsed = historyQuery.safeParse(firstOfEach(params));
  if (!parsed.success) return { error: issueText(parsed.error) };
  const { format, ...range } = parsed.data;
  const resolved = resolveRange(range, now, "90d");
  if ("error" in resolved) return resolved;
  return { query: { range: resolved.range, format: format ?? "json" } };
}
