import { formatUtc } from "@/lib/format";
import type { Milestone } from "@/lib/roadmap/rows";

export function MilestoneList({ milestones }: { milestones: Milestone[] }) {
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {milestones.map((milestone) => (
        <li key={milestone.key} data-testid={`milestone-${milestone.key}`} className="flex gap-2">
          <span
            aria-hidden="true"
            className={milestone.status === "done" ? "text-status-up" : "text-status-nodata"}
          >
            {milestone.status === "done" ? "✓" : "○"}
          </span>
          <span>
            {milestone.title}
            <span className="sr-only">{milestone.status === "done" ? " (done)" : " (open)"}</span>
            {milestone.doneAt ? (
              <span className="text-ink-muted text-xs"> · done {formatUtc(milestone.doneAt)}</span>
            ) : null}
            {milestone.evidenceUrl ? (
              <a
                href={milestone.evidenceUrl}
                className="ml-1 text-accent text-xs underline underline-offset-2"
              >
                evidence
              </a>
            ) : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
