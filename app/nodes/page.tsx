import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MembershipBadge, NodeChecks } from "@/components/nodes/node-checks";
import { RegistryFreshness } from "@/components/nodes/registry-freshness";
import { SourceStatus } from "@/components/status/source-status";
import { getAppDb } from "@/db/app";
import { getLastRegistrySync, getNetworks, getSourceStatuses } from "@/db/queries/network";
import { getRegistryNodes } from "@/db/queries/nodes";
import { shortAddress } from "@/lib/chain/history";
import { parseNetworkParam } from "@/lib/network-param";

export const metadata: Metadata = { title: "Nodes" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NodesPage({ searchParams }: Props) {
  const network = parseNetworkParam((await searchParams).network);
  if (!network) notFound();
  const db = await getAppDb();
  const [registry, lastSync, sources, networks] = await Promise.all([
    getRegistryNodes(db, { network }),
    getLastRegistrySync(db, { network }),
    getSourceStatuses(db),
    getNetworks(db),
  ]);
  const networkName = networks.find((row) => row.key === network)?.name ?? network;
  const now = new Date();

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="font-semibold text-2xl">Nodes</h1>
        <p className="mt-1 text-ink-muted">
          Every node the on-chain registry lists on {networkName}. Uptime and latency per node arrive with the
          prober.
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
          <div className="overflow-x-auto rounded-lg border border-line bg-surface">
            <table className="w-full text-sm">
              <caption className="sr-only">Registry nodes on {networkName}</caption>
              <thead className="text-left text-ink-muted text-xs uppercase tracking-wide">
                <tr className="border-line border-b">
                  <th scope="col" className="p-3 font-medium">
                    Node
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Membership
                  </th>
                  <th scope="col" className="hidden p-3 font-medium md:table-cell">
                    Address
                  </th>
                  <th scope="col" className="hidden p-3 font-medium lg:table-cell">
                    Owner
                  </th>
                  <th scope="col" className="p-3 font-medium">
                    Checks
                  </th>
                </tr>
              </thead>
              <tbody>
                {registry.nodes.map((node) => (
                  <tr
                    key={node.nodeId}
                    data-testid={`node-${node.nodeId}`}
                    className="border-line border-t align-top"
                  >
                    <th scope="row" className="p-3 text-left font-normal">
                      <Link
                        href={`/nodes/${node.nodeId}?network=${network}`}
                        className="font-medium text-accent underline-offset-2 hover:underline"
                      >
                        {node.nodeId} {node.name ? `· ${node.name}` : ""}
                      </Link>
                      {node.regionName ? (
                        <span className="block text-ink-muted text-xs">{node.regionName}</span>
                      ) : null}
                    </th>
                    <td className="p-3">
                      <MembershipBadge isCanonical={node.isCanonical} inRegistry={node.inRegistry} />
                    </td>
                    <td className="hidden break-all p-3 font-mono text-xs md:table-cell">
                      {node.httpAddress}
                    </td>
                    <td className="hidden p-3 font-mono text-xs lg:table-cell">
                      {shortAddress(node.owner ?? "")}
                    </td>
                    <td className="p-3">
                      <NodeChecks checks={node.checks} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
