import { Markdown } from "@/components/ui/markdown";
import { affectedText } from "@/lib/affected-nodes";
import { formatUtc } from "@/lib/format";
import type { IncidentWithUpdates } from "@/lib/incidents";

const capital = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const SEVERITY_TONE = {
  minor: "text-status-degraded",
  major: "text-status-down",
  critical: "text-status-down",
};
const STATUS_WORDS = {
  investigating: "Investigating",
  identified: "Identified",
  monitoring: "Monitoring",
  resolved: "Resolved",
};

/** Incidents with their severity and status in words, where they hit, and every update the team posted. */
export function IncidentList({
  incidents,
  showNetwork = false,
}: {
  incidents: IncidentWithUpdates[];
  showNetwork?: boolean;
}) {
  return (
    <ol className="flex flex-col gap-4" data-testid="incidents">
      {incidents.map((incident) => (
        <li
          key={incident.id}
          id={`incident-${incident.id}`}
          data-testid="incident"
          className="flex flex-col gap-2"
        >
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="font-medium">{incident.title}</span>
            <span className={`text-xs ${SEVERITY_TONE[incident.severity]}`}>{incident.severity}</span>
            <span className="text-xs">{STATUS_WORDS[incident.status]}</span>
          </p>
          <p className="text-ink-muted text-xs">
            {capital(affectedText(incident.nodeIds))}
            {showNetwork ? ` · ${incident.network}` : ""} · since {formatUtc(incident.startedAt)}
            {incident.resolvedAt ? `, resolved ${formatUtc(incident.resolvedAt)}` : ", not resolved yet"}
          </p>
          {incident.updates.length === 0 && incident.body ? <Markdown>{incident.body}</Markdown> : null}
          <ol className="flex flex-col gap-2 border-line border-l-2 pl-3">
            {incident.updates.map((update) => (
              <li key={`${update.at.toISOString()} ${update.status}`} className="flex flex-col gap-1">
                <p className="text-ink-muted text-xs">
                  <time dateTime={update.at.toISOString()}>{formatUtc(update.at)}</time> ·{" "}
                  {STATUS_WORDS[update.status]} · <code className="break-all">{update.createdBy}</code>
                </p>
                <Markdown>{update.body}</Markdown>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
