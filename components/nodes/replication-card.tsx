import { Card } from "@/components/ui/card";
import { formatAgo, formatCount, formatUtc, plural } from "@/lib/format";
import type { NodeHealth } from "@/lib/uptime/node-health";

/**
 * How far this node's sync cursor is behind the furthest cursor any node reported, per originator
 * (sequence ids, uint64 as decimal strings).
 */
export function ReplicationCard({ replication, now }: { replication: NodeHealth["replication"]; now: Date }) {
  const { node, originators, reportingNodes } = replication;
  return (
    <Card title="Replication lag" id="node-replication">
      {!node ? (
        <p className="text-ink-muted text-sm" data-testid="replication">
          No sync cursor from this node yet: it is read with each successful probe.
        </p>
      ) : (
        <div data-testid="replication">
          <p className="text-sm">
            <span className="font-semibold text-2xl tabular-nums">{formatCount(node.lag)}</span>{" "}
            <span className="text-ink-muted">sequence ids behind the furthest node, at most</span>
          </p>
          <p className="mt-1 text-ink-muted text-xs">
            {reportingNodes === 1
              ? "Only this node has reported a cursor so far, so there is nothing to compare it with yet. "
              : `Compared with the latest cursors of ${plural(reportingNodes, "node")}. `}
            This node's was read {formatAgo(node.at, now)} ({formatUtc(node.at)}).
          </p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">
                This node's sync cursor against the furthest one, per originator
              </caption>
              <thead className="text-left text-ink-muted text-xs">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-medium">
                    Originator
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    This node
                  </th>
                  <th scope="col" className="py-1 pr-2 text-right font-medium">
                    Furthest
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Behind
                  </th>
                </tr>
              </thead>
              <tbody>
                {originators.map(({ originator, max }) => {
                  const behind = node.lagByOriginator[originator] ?? "0";
                  return (
                    <tr key={originator} className="border-line border-t">
                      <th scope="row" className="py-1.5 pr-2 text-left font-normal">
                        {originator}
                      </th>
                      <td className="py-1.5 pr-2 text-right tabular-nums">
                        {formatCount((BigInt(max) - BigInt(behind)).toString())}
                      </td>
                      <td className="py-1.5 pr-2 text-right tabular-nums">{formatCount(max)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatCount(behind)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
