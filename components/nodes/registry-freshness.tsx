import { StatusBadge } from "@/components/ui/status-badge";
import { isRegistryStale } from "@/lib/chain/freshness";
import { formatAgo, formatUtc } from "@/lib/format";

/** When the registry was last read; marked stale when the worker has not managed to for a while. */
export function RegistryFreshness({
  sync,
  now,
}: {
  sync: { at: Date; headBlock: number } | null;
  now: Date;
}) {
  if (!sync) return <p className="text-ink-muted">The on-chain registry has not been read yet.</p>;
  const stale = isRegistryStale(sync.at, now);
  return (
    <p className="flex flex-wrap items-center gap-2 text-ink-muted" data-testid="registry-freshness">
      {stale ? <StatusBadge tone="degraded">Stale</StatusBadge> : null}
      Registry read at block {sync.headBlock}, {formatAgo(sync.at, now)} ({formatUtc(sync.at)}).
    </p>
  );
}
