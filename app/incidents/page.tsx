import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IncidentList } from "@/components/incidents/incident-list";
import { getAppDb } from "@/db/app";
import { getIncidents } from "@/db/queries/incidents";
import { getEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";

export const metadata: Metadata = {
  title: "Incidents",
  alternates: { types: { "application/atom+xml": "/incidents.xml" } },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IncidentsPage({ searchParams }: Props) {
  const network = parseNetworkParam((await searchParams).network, getEnv());
  if (!network) notFound();
  const incidents = await getIncidents(await getAppDb(), { network, limit: 100 });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="font-semibold text-2xl">Incidents</h1>
        <p className="mt-1 max-w-3xl text-ink-muted">
          Every incident the team has posted for {network}, open ones first, with each update as it was posted
          and who posted it. Node availability counts the minutes measured, whatever is posted here.{" "}
          <a href="/incidents.xml" className="text-accent underline underline-offset-2">
            Atom feed
          </a>
        </p>
      </div>
      {incidents.length === 0 ? (
        <p className="rounded-lg border border-line bg-surface p-4 text-ink-muted">No incident posted yet.</p>
      ) : (
        <div className="rounded-lg border border-line bg-surface p-4">
          <IncidentList incidents={incidents} />
        </div>
      )}
    </div>
  );
}
