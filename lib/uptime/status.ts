export type NetworkStatus = "operational" | "degraded" | "major_outage" | "outage" | "unknown";

/**
 * The official status page's banner, from the share of canonical nodes up: operational ≥ 80%,
 * degraded 50–79%, major outage 1–49%, outage 0. Unknown when no canonical node has a recent probe.
 */
export function networkStatus(up: number, total: number, known: number): NetworkStatus {
  if (total === 0 || known === 0) return "unknown";
  const share = up / total;
  if (share >= 0.8) return "operational";
  if (share >= 0.5) return "degraded";
  if (share > 0) return "major_outage";
  return "outage";
}
