import { formatCoverage, formatTarget, formatValue, plural } from "@/lib/format";
import type { StageReadiness } from "./readiness";
import type { CriterionRow, StageRow } from "./rows";

type Row = Pick<
  CriterionRow,
  "kind" | "status" | "samples" | "minSamples" | "windowDays" | "measured" | "comparator" | "target" | "unit"
>;
type Evidence = Record<string, unknown> | null | undefined;

const inWindow = (days: number) => (days === 1 ? "now" : `in the last ${days} days`);

/**
 * What keeps a target from passing, in words: the figure against the target when it fails, and what
 * is missing when the data is not enough ("43 of 100 samples in the last 7 days", "coverage 71% of
 * 95%"), read from the latest evaluation's evidence where the rule is not a sample count.
 */
export function missingText(row: Row, evidence?: Evidence): string {
  const detail = missingDetail(row, evidence);
  const word =
    row.status === null
      ? "no data yet"
      : row.status === "fail"
        ? "not met"
        : row.status === "pass"
          ? "met"
          : "not enough data";
  return detail ? `${word}: ${detail}` : word;
}

/** The detail alone, beside a status badge that already names the status; null when there is none. */
export function missingDetail(row: Row, evidence?: Evidence): string | null {
  if (row.status === null || row.status === "pass") return null;
  if (row.status === "fail")
    return row.measured === null
      ? null
      : `${formatValue(row.measured, row.unit)} against ${formatTarget(row.comparator, row.target, row.unit)}`;
  if (row.kind === "node_reliability") return coverageText(evidence);
  if (row.kind === "integration_pass") return runsText(evidence);
  if (row.kind === "independent_operators") return "the registry has not been read yet";
  if (row.kind === "milestone") return "no such milestone";
  return `${(row.samples ?? 0).toLocaleString("en-US")} of ${row.minSamples.toLocaleString("en-US")} samples ${inWindow(row.windowDays)}`;
}

function coverageText(evidence: Evidence): string {
  const minCoverage = Number(evidence?.minCoverage ?? 0.95);
  const nodes = Array.isArray(evidence?.nodes)
    ? (evidence.nodes as { nodeId: number; coverage: number }[])
    : [];
  if (nodes.length === 0) return "no canonical node measured yet";
  const short = nodes.filter((node) => node.coverage < minCoverage).sort((a, b) => a.coverage - b.coverage);
  const lowest = short[0];
  if (!lowest) return "not enough data";
  const others = short.length > 1 ? ` and ${plural(short.length - 1, "other")}` : "";
  return `coverage ${formatCoverage(lowest.coverage)} of ${formatCoverage(minCoverage)} (node ${lowest.nodeId}${others})`;
}

function runsText(evidence: Evidence): string {
  const lastRuns = Number(evidence?.lastRuns ?? 5);
  const missing = Array.isArray(evidence?.missingSdks) ? (evidence.missingSdks as string[]) : [];
  if (missing.length > 0) return `no runs of ${missing.join(", ")}`;
  const suites = Array.isArray(evidence?.suites)
    ? (evidence.suites as { suite: string; runs: number }[])
    : [];
  const fewest = [...suites].sort((a, b) => a.runs - b.runs)[0];
  if (!fewest) return "no integration-test runs yet";
  return `${fewest.runs} of ${lastRuns} runs of ${fewest.suite}`;
}

/**
 * Where the team's declared status and the measurements disagree, the disagreement in words ("the
 * team marked this stage complete; 2 milestones are open"); null when they agree.
 */
export function declaredVsMeasured(
  stage: Pick<StageRow, "declaredStatus" | "milestonesDone" | "milestonesTotal">,
  readiness: StageReadiness,
): string | null {
  const openMilestones = stage.milestonesTotal - stage.milestonesDone;
  const openTargets = readiness.total - readiness.passed;
  const open = [
    openMilestones > 0
      ? `${plural(openMilestones, "milestone")} ${openMilestones === 1 ? "is" : "are"} open`
      : null,
    openTargets > 0
      ? `${openTargets} of ${plural(readiness.total, "target")} ${openTargets === 1 ? "is" : "are"} not met`
      : null,
  ].filter((part): part is string => part !== null);
  if (stage.declaredStatus === "complete")
    return open.length > 0 ? `The team marked this stage complete; ${open.join(" and ")}.` : null;
  const everythingDone = open.length === 0 && readiness.total + stage.milestonesTotal > 0;
  if (everythingDone)
    return `Every target is met and every milestone done; the team has it as ${stage.declaredStatus === "planned" ? "planned" : "in progress"}.`;
  return null;
}
