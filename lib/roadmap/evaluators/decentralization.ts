import type { TimeWindow } from "@/lib/time";
import { type CriterionSpec, type Evaluation, verdict } from "../criteria";
import type { MilestoneStatus } from "../vocabulary";

export type OperatorNode = { nodeId: number; owner: string; operatorName: string | null };

/**
 * Independent operators among canonical nodes: nodes sharing an owner address or an operator name
 * count as one operator (union-find over both). Unknown before the registry has been read.
 */
export function evaluateIndependentOperators(
  spec: CriterionSpec,
  { nodes, registryRead }: { nodes: readonly OperatorNode[]; registryRead: boolean },
  window: TimeWindow,
): Evaluation {
  const parent = nodes.map((_, index) => index);
  const find = (i: number): number => {
    const root = parent[i] === i ? i : find(parent[i] as number);
    parent[i] = root;
    return root;
  };
  const firstBy = new Map<string, number>();
  nodes.forEach((node, index) => {
    // Stryker disable next-line MethodExpression: owners are hex addresses, which fold to one case the same way upper or lower
    const keys = [`owner:${node.owner.toLowerCase()}`];
    if (node.operatorName?.trim()) keys.push(`name:${node.operatorName.trim().toLowerCase()}`);
    for (const key of keys) {
      const seen = firstBy.get(key);
      if (seen === undefined) firstBy.set(key, index);
      else parent[find(index)] = find(seen);
    }
  });
  const operators = new Map<number, number[]>();
  nodes.forEach((node, index) => {
    const root = find(index);
    operators.set(root, [...(operators.get(root) ?? []), node.nodeId]);
  });
  return verdict(spec, window, {
    measured: registryRead ? operators.size : null,
    samples: nodes.length,
    enough: registryRead,
    evidence: {
      canonicalNodes: nodes.length,
      operators: [...operators.values()].map((ids) => {
        const members = nodes.filter((node) => ids.includes(node.nodeId));
        return {
          nodeIds: ids,
          owners: [...new Set(members.map((node) => node.owner))],
          operatorNames: [...new Set(members.map((node) => node.operatorName).filter(Boolean))],
        };
      }),
    },
  });
}

export type MilestoneInput = {
  key: string;
  title: string;
  status: MilestoneStatus;
  evidenceUrl: string | null;
  doneAt: Date | null;
} | null;

/** A checklist item the team marks done, with an evidence link: pass when done, fail while open. */
export function evaluateMilestone(
  spec: CriterionSpec,
  milestone: MilestoneInput,
  window: TimeWindow,
): Evaluation {
  const done = milestone?.status === "done";
  return verdict(spec, window, {
    measured: milestone ? (done ? 1 : 0) : null,
    samples: milestone ? 1 : 0,
    enough: true, // one status is enough; without a milestone the figure is null, which is insufficient
    evidence: milestone
      ? {
          milestone: milestone.key,
          title: milestone.title,
          status: milestone.status,
          evidenceUrl: milestone.evidenceUrl,
          doneAt: milestone.doneAt,
        }
      : { milestone: spec.params.milestone ?? null, missing: true },
  });
}
