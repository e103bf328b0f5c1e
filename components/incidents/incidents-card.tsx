import { Card } from "@/components/ui/card";
import { formatUtc } from "@/lib/format";
import type { IncidentWithUpdates } from "@/lib/incidents";
import { IncidentList } from "./incident-list";

type Maintenance = { id: number; nodeId: number | null; title: string; startsAt: Date; endsAt: Date };

/** Open and recent incidents, and maintenance announced that has not ended: what a status reader looks for. */
export function IncidentsCard({
  incidents,
  maintenance,
  now,
  days,
}: {
  incidents: IncidentWithUpdates[];
  maintenance: Maintenance[];
  now: Date;
  days: number;
}) {
  return (
    <Card
      title="Incidents and maintenance"
      id="incidents"
      action={
        <a href="/incidents" className="text-accent text-xs underline underline-offset-2">
          All incidents
        </a>
      }
    >
      <div className="flex flex-col gap-4">
        {maintenance.length > 0 ? (
          <ul className="flex flex-col gap-1 text-sm" data-testid="maintenance">
            {maintenance.map((window) => (
              <li key={window.id}>
                <span className="font-medium">
                  {window.startsAt > now ? "Planned maintenance" : "Maintenance now"}:
                </span>{" "}
                {window.title} ({window.nodeId === null ? "every node" : `node ${window.nodeId}`}),{" "}
                {formatUtc(window.startsAt)} to {formatUtc(window.endsAt)}. Not counted against availability.
              </li>
            ))}
          </ul>
        ) : null}
        {incidents.length > 0 ? (
          <IncidentList incidents={incidents} />
        ) : (
          <p className="text-ink-muted text-sm">No incident open or resolved in the last {days} days.</p>
        )}
      </div>
    </Card>
  );
}
