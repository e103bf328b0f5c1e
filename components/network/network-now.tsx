import Link from "next/link";
import { RegistryFreshness } from "@/components/nodes/registry-freshness";
import { Card } from "@/components/ui/card";
import type { NetworkNow } from "@/lib/chain/network-state";
import { formatAgo } from "@/lib/format";
import { CURRENT_STATE_FRESH_MS, type NetworkHealth } from "@/lib/uptime/current-state";
import { NetworkStatusBadge } from "./network-status-badge";

const FRESH_MINUTES = CURRENT_STATE_FRESH_MS / 60_000;

export function NetworkNowCard({
  now,
  health,
  networkName,
  at,
}: {
  now: NetworkNow;
  health: NetworkHealth;
  networkName: string;
  at: Date;
}) {
  const synced = now.registrySyncedAt;
  const probed = health.canonicalTotal > health.canonicalUnknown;
  const latestProbe = health.nodes.reduce<Date | null>(
    (latest, node) => (node.at && (!latest || node.at > latest) ? node.at : latest),
    null,
  );
  return (
    <Card
      title={`${networkName} now`}
      id="network-now"
      action={<NetworkStatusBadge status={health.status} />}
    >
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
        <div data-testid="nodes-up">
          <dt className="text-ink-muted text-xs">Canonical nodes up</dt>
          <dd className="font-semibold text-2xl">
            {probed ? health.canonicalUp : "—"}
            {probed ? (
              <span className="font-normal text-ink-muted text-sm"> of {health.canonicalTotal}</span>
            ) : null}
          </dd>
        </div>
      </dl>
      {synced ? (
        <p className="mt-3 text-ink-muted text-xs" data-testid="network-health">
          {health.canonicalTotal === 0
            ? "The registry lists no canonical node to probe."
            : probed
              ? `${health.canonicalUp} of ${health.canonicalTotal} canonical nodes up${
                  health.canonicalUnknown
                    ? `, ${health.canonicalUnknown} not probed in the last ${FRESH_MINUTES} minutes`
                    : ""
                }; latest probe ${latestProbe ? formatAgo(latestProbe, at) : "unknown"}.`
              : `No probe data yet: no canonical node has been probed in the last ${FRESH_MINUTES} minutes.`}
        </p>
      ) : null}
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
