import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { IncidentList } from "@/components/incidents/incident-list";
import { AvailabilityCard } from "@/components/nodes/availability-card";
import { CurrentStateCard } from "@/components/nodes/current-state-card";
import { DayBars } from "@/components/nodes/day-bars";
import { Fact } from "@/components/nodes/fact";
import { LatencyCard } from "@/components/nodes/latency-card";
import { LatencyOverTime } from "@/components/nodes/latency-over-time";
import { MembershipBadge, NodeChecks } from "@/components/nodes/node-checks";
import { ReplicationCard } from "@/components/nodes/replication-card";
import { Card } from "@/components/ui/card";
import { getAppDb } from "@/db/app";
import { getIncidents } from "@/db/queries/incidents";
import { getNodeHealth } from "@/db/queries/node-health";
import { getRegistryNode } from "@/db/queries/nodes";
import { describeRegistryEvent } from "@/lib/chain/history";
import { networkPreset } from "@/lib/chain/networks";
import { getEnv } from "@/lib/env";
import { formatUtc } from "@/lib/format";
import { INT4_MAX } from "@/lib/limits";
import { parseNetworkParam } from "@/lib/network-param";
import { DAY_MS } from "@/lib/time";
import { DAY_BAR_DAYS } from "@/lib/uptime/node-health";
import { WINDOW_PRESETS, type WindowPreset } from "@/lib/uptime/windows";
import { nodeLatencyView } from "@/server/charts/node-latency";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const nodeIdParam = z.coerce.number().int().min(1).max(INT4_MAX);
const windowParam = z.enum(Object.keys(WINDOW_PRESETS) as [WindowPreset, ...WindowPreset[]]).default("7d");

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Node ${(await params).id}` };
}

export default async function NodePage({ params, searchParams }: Props) {
  const query = await searchParams;
  const id = nodeIdParam.safeParse((await params).id);
  const network = parseNetworkParam(query.network, getEnv());
  const latencyWindow = windowParam.safeParse(Array.isArray(query.window) ? query.window[0] : query.window);
  if (!id.success || !network || !latencyWindow.success) notFound();
  const db = await getAppDb();
  const now = new Date();
  const [found, health, latencyOverTime, incidents] = await Promise.all([
    getRegistryNode(db, { network, nodeId: id.data }),
    getNodeHealth(db, { network, nodeId: id.data, now, latencyWindow: latencyWindow.data }),
    nodeLatencyView(db, { network, nodeId: id.data, window: latencyWindow.data, now }),
    getIncidents(db, {
      network,
      nodeId: id.data,
      since: new Date(now.getTime() - DAY_BAR_DAYS * DAY_MS),
      limit: 10,
    }),
  ]);
  if (!found) notFound();
  const { node, history, explorerUrl } = found;
  const identity: [string, React.ReactNode][] = [
    ["Operator", <Fact key="o" fact={node.facts.operator} />],
    ["Region", <Fact key="r" fact={node.facts.region} />],
    ["Country", <Fact key="c" fact={node.facts.country} />],
    ["Website", <Fact key="w" fact={node.facts.website} link />],
    [
      "Address",
      <span key="a" className="break-all font-mono text-xs">
        {node.httpAddress}
      </span>,
    ],
    [
      "Owner",
      <span key="o" className="break-all font-mono text-xs">
        {node.owner}
      </span>,
    ],
    [
      "Signer",
      <span key="s" className="break-all font-mono text-xs">
        {node.signer}
      </span>,
    ],
    [
      "Registered",
      node.registeredAt
        ? `block ${node.firstSeenBlock}, ${formatUtc(node.registeredAt)}`
        : "before the scanned history",
    ],
  ];

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-ink-muted text-sm">
          <Link href={`/nodes?network=${network}`} className="text-accent underline underline-offset-2">
            Nodes
          </Link>{" "}
          · {networkPreset(getEnv(), network).name}
        </p>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 font-semibold text-2xl">
          Node {node.nodeId}
          {node.name ? <span className="font-normal text-ink-muted">{node.name}</span> : null}
          <MembershipBadge isCanonical={node.isCanonical} inRegistry={node.inRegistry} />
        </h1>
      </div>
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <CurrentStateCard current={health.current} inRegistry={node.inRegistry ?? false} now={now} />
        <AvailabilityCard windows={health.availability} />
      </div>
      <Card title={`Last ${DAY_BAR_DAYS} days`} id="node-days">
        <DayBars bars={health.dayBars} />
      </Card>
      {incidents.length > 0 ? (
        <Card title="Incidents" id="node-incidents">
          <IncidentList incidents={incidents} />
        </Card>
      ) : null}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <LatencyCard
          latency={health.latency}
          windowHref={(preset) => `/nodes/${node.nodeId}?network=${network}&window=${preset}#node-latency`}
        />
        <ReplicationCard replication={health.replication} now={now} />
      </div>
      <LatencyOverTime view={latencyOverTime} />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-2">
        <Card title="Registry identity" id="identity">
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-2 text-sm">
            {identity.map(([label, value]) => (
              <div key={label} className="contents">
                <dt className="text-ink-muted">{label}</dt>
                <dd className="min-w-0">{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4">
            <NodeChecks checks={node.checks} />
          </div>
        </Card>
        <Card title="History" id="history">
          {history.length === 0 ? (
            <p className="text-ink-muted text-sm">
              No registry events for this node in the scanned history yet.
            </p>
          ) : (
            <ol className="flex flex-col gap-3 text-sm" data-testid="node-history">
              {history.map((event) => (
                <li key={`${event.txHash}-${event.eventName}`}>
                  <span>{describeRegistryEvent(event)}</span>
                  <span className="block text-ink-muted text-xs">
                    block {event.blockNumber} · {formatUtc(event.blockTime)} · tx{" "}
                    {explorerUrl ? (
                      <a
                        href={`${explorerUrl}/tx/${event.txHash}`}
                        className="font-mono text-accent underline underline-offset-2"
                      >
                        {event.txHash.slice(0, 10)}…
                      </a>
                    ) : (
                      <span className="font-mono" title={event.txHash}>
                        {event.txHash.slice(0, 10)}…
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </div>
  );
}
