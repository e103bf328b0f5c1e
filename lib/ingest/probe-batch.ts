import { DAY_MS } from "@/lib/time";
import type { Issue } from "./errors";
import type { ProbeBatch } from "./schemas";

const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Why probes of a remote prober's batch cannot be stored, each named by index: a node the
 * registry does not know on that network, a time in the future (beyond clock skew) or older than
 * raw-probe retention. Empty when the whole batch may be stored.
 */
export function probeBatchIssues(
  batch: ProbeBatch,
  { known, now, retentionDays }: { known: ReadonlySet<number>; now: Date; retentionDays: number },
): Issue[] {
  const oldest = now.getTime() - retentionDays * DAY_MS;
  const issues: Issue[] = [];
  batch.probes.forEach((probe, index) => {
    if (!known.has(probe.nodeId))
      issues.push({
        path: `probes.${index}.nodeId`,
        message: `node ${probe.nodeId} is not in the ${batch.network} registry`,
      });
    const at = Date.parse(probe.at);
    if (at > now.getTime() + MAX_CLOCK_SKEW_MS)
      issues.push({ path: `probes.${index}.at`, message: "is in the future (more than 5 minutes ahead)" });
    else if (at < oldest)
      issues.push({
        path: `probes.${index}.at`,
        message: `is older than raw-probe retention (${retentionDays} days)`,
      });
  });
  return issues;
}
