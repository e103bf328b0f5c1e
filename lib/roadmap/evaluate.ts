import type { TimeWindow } from "@/lib/time";
import { type CriterionSpec, criterionWindow, type Evaluation } from "./criteria";
import {
  evaluateIndependentOperators,
  evaluateMilestone,
  type MilestoneInput,
  type OperatorNode,
} from "./evaluators/decentralization";
import { evaluateLatency, type LatencyResult } from "./evaluators/latency";
import {
  evaluateForkRate,
  evaluateIntegrationPass,
  evaluateNodeReliability,
  type ForkCheckInput,
  type IntegrationRunInput,
  type NodeAvailabilityInput,
} from "./evaluators/reliability";
import { evaluateBurst, evaluateSustained, type ThroughputRunInput } from "./evaluators/throughput";

/** The data each kind of criterion is judged on, for one window: what the evidence API returns. */
export type CriterionInput =
  | { kind: "latency_p95"; results: LatencyResult[] }
  | { kind: "throughput_burst" | "throughput_sustained_daily"; runs: ThroughputRunInput[] }
  | { kind: "node_reliability"; nodes: NodeAvailabilityInput[] }
  | { kind: "fork_rate"; runs: ForkCheckInput[] }
  | { kind: "integration_pass"; runs: IntegrationRunInput[] }
  | { kind: "independent_operators"; nodes: OperatorNode[]; registryRead: boolean }
  | { kind: "milestone"; milestone: MilestoneInput };

/** Judges a criterion on its data: a pure function of the data and the clock. */
export function evaluateCriterion(
  spec: CriterionSpec,
  input: CriterionInput,
  now: Date,
  window: TimeWindow = criterionWindow(spec, now),
): Evaluation {
  switch (input.kind) {
    case "latency_p95":
      return evaluateLatency(spec, input.results, window);
    case "throughput_burst":
      return evaluateBurst(spec, input.runs, window);
    case "throughput_sustained_daily":
      return evaluateSustained(spec, input.runs, window);
    case "node_reliability":
      return evaluateNodeReliability(spec, input.nodes, window);
    case "fork_rate":
      return evaluateForkRate(spec, input.runs, window);
    case "integration_pass":
      return evaluateIntegrationPass(spec, input.runs, window);
    case "independent_operators":
      return evaluateIndependentOperators(spec, input, window);
    case "milestone":
      return evaluateMilestone(spec, input.milestone, window);
  }
}
