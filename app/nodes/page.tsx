import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NodesTable } from "@/components/nodes/nodes-table";
import { RegistryFreshness } from "@/components/nodes/registry-freshness";
import { SourceStatus } from "@/components/status/source-status";
import { getAppDb } from "@/db/app";
import { getLastRegistrySync, getNetworks, getSourceStatuses } from "@/db/queries/network";
import { getNodesHealth } from "@/db/queries/node-health";
import { getRegistryNodes } from "@/db/queries/nodes";
import { getEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";

export const metadata: Metadata = { title: "Nodes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NodesPage({ searchParams }: Props) {
  const network = parseNetworkParam((await searchParams).network, getEnv());
  if (!network) notFound();
  const db = await getAppDb();
  const now = new Date();
  const [registry, lastSync, sources, networks, health] = await Promise.all([
    getRegistryNodes(db, { network }),
    getLastRegistrySync(db, { network }),
    getSourceStatuses(db),
    getNetworks(db),
    getNodesHealth(db, { network, now }),
  ]);
  const networkName = networks.find((row) => row.key === network)?.name ?? network;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Nodes</h1>
        <p className="mt-1 text-ink-muted">
          Every node the on-chain registry lists on {networkName}, its state from our latest probes and its
          availability over the last 30 days, with the share of that time we have data for (coverage).{" "}
          <Link href="/methodology" className="text-accent underline underline-offset-2">
            How we measure
          </Link>
        </p>
      </div>
      <SourceStatus sources={sources.filter((source) => source.network === network)} now={now} />
      <div className="text-sm">
        <RegistryFreshness sync={lastSync} now={now} />
      </div>
      {registry.nodes.length === 0 ? (
        <div role="status" className="rounded-lg border border-line border-dashed bg-surface p-5 text-sm">
          No nodes yet:{" "}
          {lastSync ? "the registry lists none on this network." : "the registry has not been read yet."}
        </div>
      ) : (
        <>
          <p className="text-sm" data-testid="canonical-count">
            <strong>{registry.canonical}</strong> canonical
            {registry.maxCanonicalNodes !== null ? ` of at most ${registry.maxCanonicalNodes}` : ""} ·{" "}
            {registry.nodes.filter((node) => node.inRegistry).length} registered
            {registry.overCapacity ? (
              <strong className="ml-2 text-status-down">more canonical nodes than the registry allows</strong>
            ) : null}
          </p>
          <NodesTable nodes={registry.nodes} health={health} network={network} networkName={networkName} />
        </>
      )}
    </div>
  );
}
