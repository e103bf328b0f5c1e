import { rangeParams, type TimeRange } from "./range";

/** The query string naming a chart page's network, range and filters (no operation or format): its URL. */
export function chartSearch(
  { network, range, region, sdk }: { network: string; range: TimeRange; region?: string; sdk?: string },
  overrides: Partial<Record<"range" | "from" | "to" | "region" | "sdk", string | undefined>> = {},
): string {
  const params = new URLSearchParams({ network });
  const wanted = { ...rangeParams(range), region, sdk, ...overrides };
  for (const [key, value] of Object.entries(wanted)) if (value) params.set(key, value);
  return params.toString();
}
