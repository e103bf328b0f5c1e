import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { NetworkStatus } from "@/lib/uptime/status";

const STATUSES: Record<NetworkStatus, { tone: Tone; label: string }> = {
  operational: { tone: "up", label: "Operational" },
  degraded: { tone: "degraded", label: "Degraded" },
  major_outage: { tone: "down", label: "Major outage" },
  outage: { tone: "down", label: "Outage" },
  unknown: { tone: "nodata", label: "No probe data yet" },
};

/** The network's banner status from the share of canonical nodes up. */
export function NetworkStatusBadge({ status }: { status: NetworkStatus }) {
  const { tone, label } = STATUSES[status];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
