import type { CriterionSpec } from "@/lib/roadmap/criteria";

/** The fixed "now" of the criterion tests, and times counted back from it. */
export const NOW = new Date("2026-03-01T12:00:00Z");
export const DAY = 86_400_000;
export const ago = (days: number, from = NOW) => new Date(from.getTime() - days * DAY);

/** A sync-latency criterion (p95 < 100 ms over 30 days, one sample enough), changed where a test says. */
export const criterionSpec = (overrides: Partial<CriterionSpec> = {}): CriterionSpec => ({
  key: "k",
  kind: "latency_p95",
  metric: "sync_group",
  comparator: "lt",
  target: 100,
  unit: "ms",
  baseline: null,
  windowDays: 30,
  minSamples: 1,
  network: "testnet",
  params: {},
  ...overrides,
});
