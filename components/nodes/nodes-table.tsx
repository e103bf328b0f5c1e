import { shortAddress } from "@/lib/chain/history";
import type { RegistryNode } from "@/lib/chain/registry-node";
import type { NodesHealth } from "@/lib/uptime/node-health";
import { AvailabilityFigure } from "./availability-figure";
import { MembershipBadge, NodeChecks } from "./node-checks";
import { NodeStateBadge } from "./node-state-badge";

/**
 * The registry's nodes with their state now and 30-day availability. Below md, membership and
 * registry problems move under the node's name and the address and owner columns drop out.
 */
export function NodesTable({
  nodes,
  health,
  network,
  networkName,
}: {
  nodes: RegistryNode[];
  health: NodesHealth;
  network: string;
  networkName: string;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-sm">
        <caption className="sr-only">
          Registry nodes on {networkName}: state now and availability over 30 days
        </caption>
        <thead className="text-left text-ink-muted text-xs uppercase tracking-wide">
          <tr className="border-line border-b">
            <th scope="col" className="p-2 font-medium sm:p-3">
              Node
            </th>
            <th scope="col" className="p-2 font-medium sm:p-3">
              Now
            </th>
            <th scope="col" className="p-2 font-medium sm:p-3">
              30 days
            </th>
            <th scope="col" className="hidden p-3 font-medium md:table-cell">
              Membership
            </th>
            <th scope="col" className="hidden p-3 font-medium md:table-cell">
              Checks
            </th>
            <th scope="col" className="hidden p-3 font-medium lg:table-cell">
              Address
            </th>
            <th scope="col" className="hidden p-3 font-medium xl:table-cell">
              Owner
            </th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => {
            const { current = null, availability30d = null } = health[node.nodeId] ?? {};
            return (
              <tr
                key={node.nodeId}
                data-testid={`node-${node.nodeId}`}
                className="border-line border-t align-top"
              >
                <th scope="row" className="p-2 text-left font-normal sm:p-3">
                  {/* A plain link: a row per node would otherwise put a client component (and, in view,
                      a prefetch request) per node on the page. */}
                  <a
                    href={`/nodes/${node.nodeId}?network=${network}`}
                    className="font-medium text-accent underline-offset-2 hover:underline"
                  >
                    {node.nodeId} {node.name ? `· ${node.name}` : ""}
                  </a>
                  {node.regionName ? (
                    <span className="block text-ink-muted text-xs">{node.regionName}</span>
                  ) : null}
                  <span className="mt-1 flex flex-col items-start gap-1 md:hidden">
                    <MembershipBadge isCanonical={node.isCanonical} inRegistry={node.inRegistry} />
                    {node.checks.length > 0 ? (
                      <span className="text-status-down text-xs">
                        {node.checks.length === 1 ? "1 problem" : `${node.checks.length} problems`} in the
                        registry entry
                      </span>
                    ) : null}
                  </span>
                </th>
                <td className="p-2 sm:p-3" data-testid="node-now">
                  {current ? (
                    <>
                      <NodeStateBadge state={current.state} />
                      {current.version ? (
                        <span className="mt-1 block whitespace-nowrap font-mono text-ink-muted text-xs">
                          {current.version}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-ink-muted text-xs">not probed</span>
                  )}
                </td>
                <td className="p-2 sm:p-3" data-testid="node-availability">
                  <AvailabilityFigure availability={availability30d} />
                </td>
                <td className="hidden p-3 md:table-cell">
                  <MembershipBadge isCanonical={node.isCanonical} inRegistry={node.inRegistry} />
                </td>
                <td className="hidden p-3 md:table-cell">
                  <NodeChecks checks={node.checks} />
                </td>
                <td className="hidden break-all p-3 font-mono text-xs lg:table-cell">{node.httpAddress}</td>
                <td className="hidden p-3 font-mono text-xs xl:table-cell">
                  {shortAddress(node.owner ?? "")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
