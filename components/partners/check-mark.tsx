import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { CheckStatus } from "@/lib/partners/checks";

const TONE: Record<CheckStatus, Tone> = { pass: "up", fail: "down", unknown: "nodata" };
const WORD: Record<CheckStatus, string> = { pass: "passes", fail: "fails", unknown: "not known" };

/** A check's verdict with a shape and a word beside its colour; "stale" when its data is old. */
export function CheckMark({
  status,
  stale,
  compact = false,
}: {
  status: CheckStatus;
  stale: boolean;
  compact?: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <StatusBadge tone={TONE[status]}>
        {compact ? <span className="sr-only">{WORD[status]}</span> : WORD[status]}
      </StatusBadge>
      {stale ? <span className="text-status-degraded text-xs">stale</span> : null}
    </span>
  );
}
