import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { CriterionStatus } from "@/lib/roadmap/vocabulary";

const LABELS: Record<CriterionStatus | "none", [Tone, string]> = {
  pass: ["up", "Met"],
  fail: ["down", "Not met"],
  insufficient_data: ["nodata", "Insufficient data"],
  none: ["nodata", "No data yet"],
};

export function CriterionStatusBadge({ status }: { status: CriterionStatus | null }) {
  const [tone, label] = LABELS[status ?? "none"];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}
