import Link from "next/link";
import { RegistryFreshness } from "@/components/nodes/registry-freshness";
import { Card } from "@/components/ui/card";
import type { getNetworkNow } from "@/db/queries/network";

type NetworkNow = Awaited<ReturnType<typeof getNetworkNow>>;

export function NetworkNowCard({ now, networkName, at }: { now: NetworkNow; networkName: string; at: Date }) {
  const synced = now.registrySyncedAt;
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
      <div className="mt-3 text-xs">
        <RegistryFreshness
          sync={synced ? { at: synced, headBlock: now.registryBlock ?? 0 } : null}
          now={at}
        />
        {synced ? (
          <Link href={`/nodes?network=${now.network}`} className="text-accent underline underline-offset-2">
            See the nodes
          </Link>
        ) : (
          <p className="text-ink-muted">
            No nodes are listed until it is; node health appears once nodes are probed.
          </p>
        )}
      </div>
    </Card>
  );
}
