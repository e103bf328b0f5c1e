import Link from "next/link";
import { StatusBadge, type Tone } from "@/components/ui/status-badge";
import type { StageReadiness } from "@/lib/roadmap/readiness";
import type { StageRow } from "@/lib/roadmap/rows";
import { declaredVsMeasured } from "@/lib/roadmap/status-words";

const DECLARED: Record<StageRow["declaredStatus"], [Tone, string]> = {
  complete: ["up", "Complete"],
  in_progress: ["degraded", "In progress"],
  planned: ["nodata", "Planned"],
};

export function DeclaredStatusBadge({ status }: { status: StageRow["declaredStatus"] }) {
  const [tone, label] = DECLARED[status];
  return <StatusBadge tone={tone}>{label}</StatusBadge>;
}

/** The team's declared status beside the computed one: never one instead of the other. */
export function StageStatusLines({ stage }: { stage: StageRow & { readiness: StageReadiness } }) {
  const disagreement = declaredVsMeasured(stage, stage.readiness);
  return (
    <>
      <span className="flex items-center gap-2">
        <span className="text-ink-muted">Team says</span>
        <DeclaredStatusBadge status={stage.declaredStatus} />
      </span>
      <span>
        <span className="text-ink-muted">Measured: </span>
        {readinessText(stage.readiness)}
      </span>
      {disagreement ? (
        <span className="font-medium text-status-degraded" data-testid="declared-vs-measured">
          {disagreement}
        </span>
      ) : null}
    </>
  );
}

const SEGMENTS = [
  ["passed", "bg-status-up", "met"],
  ["failed", "bg-status-down", "not met"],
  ["insufficient", "bg-status-degraded", "without enough data"],
] as const;

/** Targets met of total as a bar (the text beside it says the same): met, not met, lacking data, not evaluated. */
export function TargetsBar({ readiness }: { readiness: StageReadiness }) {
  if (readiness.total === 0) return null;
  return (
    <span
      className="flex h-2 w-full overflow-hidden rounded-full bg-surface-muted"
      aria-hidden="true"
      data-testid="targets-bar"
    >
      {SEGMENTS.map(([key, colour, label]) =>
        readiness[key] > 0 ? (
          <span
            key={key}
            className={colour}
            style={{ width: `${(readiness[key] / readiness.total) * 100}%` }}
            title={`${readiness[key]} ${label}`}
            data-segment={key}
          />
        ) : null,
      )}
    </span>
  );
}

export function readinessText(readiness: StageReadiness): string {
  if (readiness.total === 0) return "No measurable targets: milestones only";
  const targets = `${readiness.total} ${readiness.total === 1 ? "target" : "targets"}`;
  if (readiness.ready === null) return `${targets}, none evaluated yet`;
  const open = readiness.total - readiness.passed;
  return readiness.ready ? `All ${targets} met` : `${readiness.passed} of ${targets} met, ${open} open`;
}

/** The four roadmap stages in order: the team's declared status beside what the measurements say. */
export function StageStepper({ stages }: { stages: (StageRow & { readiness: StageReadiness })[] }) {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {stages.map((stage) => {
        return (
          <li key={stage.number} data-testid={`stage-${stage.number}`}>
            <Link
              href={`/stages/${stage.number}`}
              className="flex h-full flex-col gap-2 rounded-lg border border-line bg-surface p-4 hover:border-accent"
            >
              <span className="flex items-center justify-between gap-2 text-ink-muted text-xs">
                <span>
                  Stage {stage.number} · {stage.targetDate}
                </span>
                <span className="rounded border border-line px-1.5 py-0.5">{stage.networkName}</span>
              </span>
              <span className="font-semibold">{stage.title}</span>
              <span className="text-ink-muted text-sm">{stage.summary}</span>
              <span className="mt-auto flex flex-col gap-1 pt-2 text-xs">
                <TargetsBar readiness={stage.readiness} />
                <StageStatusLines stage={stage} />
                <span>
                  <span className="text-ink-muted">Milestones: </span>
                  {stage.milestonesDone} of {stage.milestonesTotal} done
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
