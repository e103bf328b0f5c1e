"use client";

import { LiveProvider, UpdatedAgo, useLiveData } from "@/components/charts/live";
import type { ReliabilityView } from "@/lib/reliability/view";
import { AvailabilityFigure } from "./availability-figure";
import { ForkFigure } from "./fork-figure";
import { IntegrationFigure } from "./integration-figure";
import { ReplicationFigure } from "./replication-figure";

function Figures({ initial, search }: { initial: ReliabilityView; search: string }) {
  const { data, updatedAt, failed } = useLiveData(`/api/v1/reliability?${search}`, initial, initial.asOf);
  return (
    <div className="flex flex-col gap-4">
      <UpdatedAgo updatedAt={updatedAt} failed={failed} />
      <AvailabilityFigure view={data} search={search} />
      <ForkFigure view={data} search={search} />
      <IntegrationFigure view={data} search={search} />
      <ReplicationFigure view={data} search={search} />
    </div>
  );
}

/** The reliability charts from the server's data, refreshed live. */
export function ReliabilityLive({ initial, search }: { initial: ReliabilityView; search: string }) {
  return (
    <LiveProvider>
      <Figures initial={initial} search={search} />
    </LiveProvider>
  );
}
