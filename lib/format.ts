import type { Comparator } from "@/db/tables/roadmap";

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
