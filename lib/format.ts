import type { Comparator } from "@/lib/roadmap/vocabulary";

const COMPARATOR_SIGNS: Record<Comparator, string> = { lt: "<", lte: "≤", gt: ">", gte: "≥", eq: "=" };

/** "1,000 msg/s", "2.5 s", "99.99%", "10M msg/day". */
export function formatValue(value: number, unit: string): string {
  if (unit === "ms") return value >= 1000 ? `${trim(value / 1000)} s` : `${trim(value)} ms`;
  if (unit === "%") return `${trim(value)}%`;
  if (value >= 1_000_000) return `${trim(value / 1_000_000)}M ${unit}`;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 2 })} ${unit}`;
}

/** A target as the roadmap states it: "< 100 ms", "≥ 3 nodes", "= 0%". */
export function formatTarget(comparator: Comparator, target: number, unit: string): string {
  return `${COMPARATOR_SIGNS[comparator]} ${formatValue(target, unit)}`;
}

function trim(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 2 });
}

/** "2026-11-22 02:31 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "just now", "12 min ago", "3 h ago", "2 days ago". */
export function formatAgo(date: Date, now: Date): string {
  const seconds = Math.max(0, Math.round((now.getTime() - date.getTime()) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

/** The host of an endpoint, for display: secrets in paths or query strings of RPC URLs stay hidden. */
export function endpointHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** An availability share as a percentage, floored so that 99.995% never reads as 100.00%. */
export function formatAvailability(share: number | null): string {
  if (share === null) return "no data";
  return `${(Math.floor(share * 10_000) / 100).toFixed(2)}%`;
}

/** A coverage share as a whole percentage, floored; a sliver of data reads "< 1%", not "0%". */
export function formatCoverage(share: number): string {
  if (share > 0 && share < 0.01) return "< 1%";
  return `${Math.floor(share * 100)}%`;
}

/** "0 min", "45 min", "2 h 5 min", "3 d 4 h". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) {
    const rest = minutes % 60;
    return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ""}`;
  }
  const hours = Math.floor((minutes % 1440) / 60);
  return `${Math.floor(minutes / 1440)} d${hours ? ` ${hours} h` : ""}`;
}

/** A count, or a uint64 carried as a decimal string, with thousands separators: "12,345". */
export function formatCount(value: number | string): string {
  return (typeof value === "string" ? BigInt(value) : value).toLocaleString("en-US");
}

/** "1 region", "3 regions". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : many}`;
}

/** A measurement with at most `digits` decimals and thousands separators: "1,234.5". */
export function formatDecimal(value: number, digits = 1): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}
