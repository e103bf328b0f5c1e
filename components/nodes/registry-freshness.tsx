import { StatusBadge } from "@/components/ui/status-badge";
import { formatAgo, formatUtc } from "@/lib/format";

const STALE_AFTER_MS = 3 * 60_000;

/** When the registry was last read; marked stale when the worker has not managed to for a while. */
export function RegistryFreshness({
  sync,
  now,
}: {
  sync: { at: Date; headBlock: number } | null;
  now: Date;
}) {
  if (!sync) return <p className="text-ink-muted text-sm">The on-chain registry has not been read yet.</p>;
  const stale = now.getTime() - sync.at.getTime() > STALE_AFTER_MS;
  return (
    <p className="flex flex-wrap items-center gap-2 text-ink-muted text-sm" data-testid="registry-freshness">
      {stale ? <StatusBadge tone="degraded">Stale</StatusBadge> : null}
      Registry read at block {sync.headBlock}, {formatAgo(sync.at, now)} ({formatUtc(sync.at)}).
    </p>
  );
}
