import { Card } from "@/components/ui/card";
import type { getNetworkNow } from "@/db/queries/network";
import { formatAgo, formatUtc } from "@/lib/format";

type NetworkNow = Awaited<ReturnType<typeof getNetworkNow>>;

export function NetworkNowCard({ now, networkName, at }: { now: NetworkNow; networkName: string; at: Date }) {
  return (
    <Card title={`${networkName} now`} id="network-now">
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-ink-muted text-xs">Registered nodes</dt>
          <dd className="font-semibold text-2xl">{now.registrySyncedAt ? now.nodes : "—"}</dd>
        </div>
        <div>
          <dt className="text-ink-muted text-xs">Canonical nodes</dt>
          <dd className="font-semibold text-2xl">{now.registrySyncedAt ? now.canonical : "—"}</dd>
        </div>
        <div className="col-span-2 sm:col-span-1">
          <dt className="text-ink-muted text-xs">Nodes up</dt>
          <dd className="font-semibold text-2xl">—</dd>
        </div>
      </dl>
      <p className="mt-3 text-ink-muted text-xs" data-testid="registry-freshness">
        {now.registrySyncedAt
          ? `Registry read at block ${now.registryBlock}, ${formatAgo(now.registrySyncedAt, at)} (${formatUtc(now.registrySyncedAt)}).`
          : "The on-chain registry has not been read yet, so no nodes are listed. Node health appears once nodes are probed."}
      </p>
    </Card>
  );
}
