/** The roadmap's words, shared by the tables, the evaluators and the pages. */

export const STAGE_STATUSES = ["planned", "in_progress", "complete"] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const MILESTONE_STATUSES = ["open", "in_progress", "done", "blocked"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const CRITERION_CATEGORIES = ["latency", "throughput", "reliability", "decentralization"] as const;
export type CriterionCategory = (typeof CRITERION_CATEGORIES)[number];

export const CRITERION_KINDS = [
  "latency_p95",
  "throughput_burst",
  "throughput_sustained_daily",
  "node_reliability",
  "fork_rate",
  "integration_pass",
  "independent_operators",
  "milestone",
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const COMPARATORS = ["lt", "lte", "gt", "gte", "eq"] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const CRITERION_STATUSES = ["pass", "fail", "insufficient_data"] as const;
export type CriterionStatus = (typeof CRITERION_STATUSES)[number];
