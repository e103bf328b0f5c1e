import Link from "next/link";
import { Card } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import type { getNetworkNow } from "@/db/queries/network";
import { formatAgo, formatUtc } from "@/lib/format";

type NetworkNow = Awaited<ReturnType<typeof getNetworkNow>>;

// The worker syncs every minute: older than three passes means the shown state may be out of date.
const STALE_AFTER_MS = 3 * 60_000;

export function NetworkNowCard({ now, networkName, at }: { now: NetworkNow; networkName: string; at: Date }) {
  const synced = now.registrySyncedAt;
  const stale = synced !== null && at.getTime() - synced.getTime() > STALE_AFTER_MS;
  return (
    <Card title={`${networkName} now`} id="network-now">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-2 xl:grid-cols-3">
        <div>
          <dt className="text-ink-muted text-xs">Registered nodes</dt>
          <dd className="font-semibold text-2xl">{synced ? now.nodes : "—"}</dd>
        </div>
        <div>
          <dt className="text-ink-muted text-xs">Canonical nodes</dt>
          <dd className="font-semibold text-2xl">
            {synced ? now.canonical : "—"}
            {synced && now.maxCanonicalNodes !== null ? (
              <span className="font-normal text-ink-muted text-sm"> of max {now.maxCanonicalNodes}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt className="text-ink-muted text-xs">Nodes up</dt>
          <dd className="font-semibold text-2xl">—</dd>
        </div>
      </dl>
      <p className="mt-3 text-ink-muted text-xs" data-testid="registry-freshness">
        {synced ? (
          <>
            {stale ? <StatusBadge tone="degraded">Stale</StatusBadge> : null} Registry read at block{" "}
            {now.registryBlock}, {formatAgo(synced, at)} ({formatUtc(synced)}).{" "}
            <Link href={`/nodes?network=${now.network}`} className="text-accent underline underline-offset-2">
              See the nodes
            </Link>
          </>
        ) : (
          "The on-chain registry has not been read yet, so no nodes are listed. Node health appears once nodes are probed."
        )}
      </p>
    </Card>
  );
}
