import { formatUtc } from "@/lib/format";
import type { Milestone } from "@/lib/roadmap/rows";
import type { MilestoneStatus } from "@/lib/roadmap/vocabulary";

/** A mark and a colour per status, and always the word beside them: never colour alone. */
const MARKS: Record<MilestoneStatus, { mark: string; tone: string; word: string }> = {
  done: { mark: "✓", tone: "text-status-up", word: "done" },
  in_progress: { mark: "◐", tone: "text-status-degraded", word: "in progress" },
  blocked: { mark: "✕", tone: "text-status-down", word: "blocked" },
  open: { mark: "○", tone: "text-status-nodata", word: "open" },
};

export function MilestoneList({ milestones }: { milestones: Milestone[] }) {
  return (
    <ul className="flex flex-col gap-2 text-sm">
      {milestones.map((milestone) => {
        const { mark, tone, word } = MARKS[milestone.status] ?? MARKS.open;
        return (
          <li key={milestone.key} data-testid={`milestone-${milestone.key}`} className="flex gap-2">
            <span aria-hidden="true" className={tone}>
              {mark}
            </span>
            <span className="min-w-0">
              {milestone.title}
              {milestone.status === "done" || milestone.status === "open" ? (
                <span className="sr-only"> ({word})</span>
              ) : (
                <span className={`text-xs ${tone}`}> · {word}</span>
              )}
              {milestone.doneAt ? (
                <span className="text-ink-muted text-xs"> · done {formatUtc(milestone.doneAt)}</span>
              ) : null}
              {milestone.evidenceUrl ? (
                <a
                  href={milestone.evidenceUrl}
                  rel="noopener noreferrer nofollow"
                  className="ml-1 text-accent text-xs underline underline-offset-2"
                >
                  evidence
                </a>
              ) : null}
              {milestone.note ? (
                <span className="block break-words text-ink-muted text-xs">{milestone.note}</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
