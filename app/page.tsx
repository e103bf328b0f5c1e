import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentsCard } from "@/components/incidents/incidents-card";
import { NetworkNowCard } from "@/components/network/network-now";
import { CriteriaTable } from "@/components/roadmap/criteria-table";
import { StageStepper } from "@/components/roadmap/stage-stepper";
import { SourceStatus } from "@/components/status/source-status";
import { Card } from "@/components/ui/card";
import { getAppDb } from "@/db/app";
import { getIncidents, getUpcomingMaintenance } from "@/db/queries/incidents";
import { getNetworkNow, getNetworks, getSourceStatuses } from "@/db/queries/network";
import { getRoadmapOverview } from "@/db/queries/roadmap";
import { networkHealthSummary } from "@/db/queries/uptime";
import { getEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";
import { DAY_MS } from "@/lib/time";
import { criterionNotes } from "@/server/roadmap/notes";

export const metadata: Metadata = { title: "Overview" };

/** Incidents resolved longer ago than this are on /incidents, not on the overview. */
const INCIDENT_DAYS = 7;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OverviewPage({ searchParams }: Props) {
  const network = parseNetworkParam((await searchParams).network, getEnv());
  if (!network) notFound();
  const db = await getAppDb();
  const now = new Date();
  const [roadmap, sources, networkNow, health, networks, incidents, maintenance] = await Promise.all([
    getRoadmapOverview(db),
    getSourceStatuses(db),
    getNetworkNow(db, { network }),
    networkHealthSummary(db, network, { now }),
    getNetworks(db),
    getIncidents(db, { network, since: new Date(now.getTime() - INCIDENT_DAYS * DAY_MS), limit: 5 }),
    getUpcomingMaintenance(db, { network, now }),
  ]);
  const notes = await criterionNotes(db, roadmap.criteria);
  const networkName = networks.find((row) => row.key === network)?.name ?? network;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-semibold text-2xl tracking-tight sm:text-3xl">
          How decentralized is XMTP today?
        </h1>
        <p className="mt-1 max-w-3xl text-ink-muted">
          The network is moving from one operator to independent node operators in four stages. Each stage is
          gated by published targets; this page shows how close the network is to each, from measured data.
        </p>
      </div>
      <SourceStatus sources={sources} now={now} />
      <section aria-labelledby="stages-heading">
        <h2 id="stages-heading" className="mb-3 font-semibold text-lg">
          Roadmap stages
        </h2>
        <StageStepper stages={roadmap.stages} />
      </section>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:col-span-2">
          <Card
            title="Targets"
            id="targets"
            action={
              <Link href="/methodology" className="text-accent text-xs underline underline-offset-2">
                How we measure
              </Link>
            }
          >
            <CriteriaTable
              criteria={roadmap.criteria}
              caption="Every roadmap target, its V3 baseline and status"
              notes={notes.detail}
            />
          </Card>
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <NetworkNowCard now={networkNow} health={health} networkName={networkName} at={now} />
          <IncidentsCard incidents={incidents} maintenance={maintenance} now={now} days={INCIDENT_DAYS} />
        </div>
      </div>
    </div>
  );
}
