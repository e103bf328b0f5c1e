import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { CurrentState } from "@/lib/uptime/current-state";

const STATES: Record<CurrentState["state"], { tone: Tone; label: string }> = {
  up: { tone: "up", label: "Up" },
  degraded: { tone: "degraded", label: "Degraded" },
  down: { tone: "down", label: "Down" },
  unknown: { tone: "nodata", label: "No recent probe" },
};

/** A node's state now, in words and shape as well as colour. */
export function NodeStateBadge({ state }: { state: CurrentState["state"] }) {
  const { tone, label } = STATES[state];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
