import { StatusBadge } from "@/components/ui/status-badge";
import type { NodeCheck } from "@/lib/chain/checks";

export function NodeChecks({ checks }: { checks: NodeCheck[] }) {
  if (checks.length === 0) return <span className="text-ink-muted text-xs">No problems found</span>;
  return (
    <ul className="flex flex-col gap-1">
      {checks.map((check) => (
        <li key={check.kind}>
          <StatusBadge tone={check.kind === "metadata_failed" ? "degraded" : "down"}>
            {check.message}
          </StatusBadge>
        </li>
      ))}
    </ul>
  );
}

export function MembershipBadge({
  isCanonical,
  inRegistry,
}: {
  isCanonical: boolean | null;
  inRegistry: boolean | null;
}) {
  if (!inRegistry) return <StatusBadge tone="down">No longer in the registry</StatusBadge>;
  return isCanonical ? (
    <StatusBadge tone="up">Canonical</StatusBadge>
  ) : (
    <StatusBadge tone="nodata">Not canonical</StatusBadge>
  );
}
