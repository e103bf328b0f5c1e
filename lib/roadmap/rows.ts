import type {
  Comparator,
  CriterionCategory,
  CriterionKind,
  CriterionStatus,
  MilestoneStatus,
  StageStatus,
} from "./vocabulary";

/** A roadmap stage as the pages list it, with its milestone and criterion counts. */
export type StageRow = {
  number: number;
  key: string;
  title: string;
  summary: string;
  targetDate: string | null;
  network: string;
  networkName: string;
  declaredStatus: StageStatus;
  /** The team's word beside its status. */
  note: string | null;
  countdownStartedAt: Date | null;
  countdownDays: number | null;
  milestonesDone: number;
  milestonesTotal: number;
  criteriaTotal: number;
};

/** A criterion with its latest evaluation (the evaluation's fields are null until one is stored). */
export type CriterionRow = {
  key: string;
  stageNumber: number;
  category: CriterionCategory;
  kind: CriterionKind;
  title: string;
  comparator: Comparator;
  target: number;
  unit: string;
  baseline: number | null;
  baselineLabel: string | null;
  windowDays: number;
  minSamples: number;
  /** The version of its rule now (window, minimum samples, target); each evaluation names the one it read. */
  version: number;
  network: string;
  status: CriterionStatus | null;
  measured: number | null;
  samples: number | null;
  evaluatedAt: Date | null;
};

/** What a page or an evaluator says of a milestone. */
export type Milestone = {
  key: string;
  title: string;
  status: MilestoneStatus;
  evidenceUrl: string | null;
  note: string | null;
  doneAt: Date | null;
};

export type StageMilestone = Pick<Milestone, "key" | "title" | "status"> & { stageNumber: number };
