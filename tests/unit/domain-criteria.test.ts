import { describe, expect, it } from "vitest";
import {
  type CriterionSpec,
  criterionWindow,
  evidencePath,
  inWindow,
  meets,
  sameValue,
  verdict,
} from "@/lib/roadmap/criteria";
import type { CriterionInput } from "@/lib/roadmap/evaluate";
import { EVIDENCE_PAGE_DEFAULT, EVIDENCE_PAGE_MAX, evidencePage } from "@/lib/roadmap/evidence-page";
import type { Comparator } from "@/lib/roadmap/vocabulary";
import { criterionSpec, NOW } from "../support/criteria";

const WINDOW = { from: new Date("2026-02-22T12:00:00Z"), to: NOW };

const spec = (overrides: Partial<CriterionSpec> = {}) =>
  criterionSpec({ ...{ baseline: 100, windowDays: 7, minSamples: 100 }, ...overrides });

describe("comparing a measured value with its target", () => {
  const cases: [Comparator, below: boolean, at: boolean, above: boolean][] = [
    ["lt", true, false, false],
    ["lte", true, true, false],
    ["gt", false, false, true],
    ["gte", false, true, true],
    ["eq", false, true, false],
  ];
  for (const [comparator, below, at, above] of cases) {
    it(`judges "${comparator}" below, at and above a target of 100`, () => {
      expect([meets(99, comparator, 100), meets(100, comparator, 100), meets(101, comparator, 100)]).toEqual([
        below,
        at,
        above,
      ]);
    });
  }
});

describe("a criterion's window", () => {
  it("is its windowDays up to now", () => {
    expect(criterionWindow({ windowDays: 7 }, NOW)).toEqual(WINDOW);
  });

  it("holds its start but not its end (half-open)", () => {
    expect(inWindow(WINDOW.from, WINDOW)).toBe(true);
    expect(inWindow(new Date(WINDOW.from.getTime() - 1), WINDOW)).toBe(false);
    expect(inWindow(new Date(NOW.getTime() - 1), WINDOW)).toBe(true);
    expect(inWindow(NOW, WINDOW)).toBe(false);
  });
});

describe("a verdict", () => {
  const evidence = { from: "somewhere" };

  it("carries the target, baseline, unit, window, samples and evidence with a pass", () => {
    expect(verdict(spec(), WINDOW, { measured: 80, samples: 120, enough: true, evidence })).toEqual({
      status: "pass",
      measured: 80,
      target: 100,
      baseline: 100,
      unit: "ms",
      window: WINDOW,
      samples: 120,
      evidence,
    });
  });

  it("fails a measured value that misses the target", () => {
    expect(verdict(spec(), WINDOW, { measured: 120, samples: 120, enough: true, evidence }).status).toBe(
      "fail",
    );
  });

  it("is insufficient data without enough samples, keeping the figure it has", () => {
    const evaluation = verdict(spec(), WINDOW, { measured: 80, samples: 3, enough: false, evidence });
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: 80, samples: 3 });
  });

  it("is insufficient data with no figure, even when the samples would be enough", () => {
    const evaluation = verdict(spec(), WINDOW, { measured: null, samples: 500, enough: true, evidence });
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: null });
  });

  it("drops an infinite figure and never judges it", () => {
    const evaluation = verdict(spec({ comparator: "gt", target: 0 }), WINDOW, {
      measured: Number.POSITIVE_INFINITY,
      samples: 500,
      enough: true,
      evidence,
    });
    expect(evaluation).toMatchObject({ status: "insufficient_data", measured: null, target: 0 });
  });
});

describe("two measured values being the same", () => {
  it("holds for equal values and for values within a millionth of each other", () => {
    expect(sameValue(99.99, 99.99)).toBe(true);
    expect(sameValue(1_000_000, 1_000_000.5)).toBe(true);
    expect(sameValue(1_000_000, 1_000_001)).toBe(true);
  });

  it("does not hold for values further apart than a millionth", () => {
    expect(sameValue(1_000_000, 1_000_001.5)).toBe(false);
    expect(sameValue(1_000_000, 999_998.5)).toBe(false);
    expect(sameValue(99.99, 99.98)).toBe(false);
    expect(sameValue(0, 0.000001)).toBe(false);
  });

  it("holds for any value against itself, infinities included", () => {
    expect(sameValue(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)).toBe(true);
    expect(sameValue(0, 0)).toBe(true);
  });

  it("holds between two missing values and never between a missing value and a number", () => {
    expect(sameValue(null, null)).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue(0, null)).toBe(false);
  });
});

describe("the evidence link of an evaluation", () => {
  it("points at the criterion's evidence for the same window, with the key escaped", () => {
    expect(evidencePath("latency/sync group", WINDOW)).toBe(
      "/api/v1/criteria/latency%2Fsync%20group/evidence?from=2026-02-22T12%3A00%3A00.000Z&to=2026-03-01T12%3A00%3A00.000Z",
    );
  });
});

describe("one page of a criterion's evidence", () => {
  const runs = Array.from({ length: 5 }, (_, i) => ({
    runId: `r${i}`,
    startedAt: NOW,
    groupsChecked: 10,
    forkedGroups: 0,
  }));
  const input: CriterionInput = { kind: "fork_rate", runs };

  it("offers default and maximum page sizes, the default within the maximum", () => {
    expect(EVIDENCE_PAGE_DEFAULT).toBeGreaterThan(0);
    expect(EVIDENCE_PAGE_DEFAULT).toBeLessThanOrEqual(EVIDENCE_PAGE_MAX);
  });

  it("cuts the list to [offset, offset + limit) and points at the next page", () => {
    const { input: page, page: meta } = evidencePage(input, { offset: 1, limit: 2 });
    expect(page).toEqual({ kind: "fork_rate", runs: runs.slice(1, 3) });
    expect(meta).toEqual({ list: "runs", offset: 1, limit: 2, total: 5, nextOffset: 3 });
  });

  it("has no next page when the page reaches the end of the list exactly", () => {
    const { input: page, page: meta } = evidencePage(input, { offset: 3, limit: 2 });
    expect(page).toEqual({ kind: "fork_rate", runs: runs.slice(3) });
    expect(meta).toMatchObject({ total: 5, nextOffset: null });
  });

  it("has no next page when the page runs past the end", () => {
    expect(evidencePage(input, { offset: 4, limit: 10 }).page?.nextOffset).toBeNull();
  });

  it("names the list it cut: results, runs or nodes", () => {
    const results: CriterionInput = { kind: "latency_p95", results: [] };
    const nodes: CriterionInput = { kind: "independent_operators", nodes: [], registryRead: true };
    expect(evidencePage(results, { offset: 0, limit: 10 }).page).toEqual({
      list: "results",
      offset: 0,
      limit: 10,
      total: 0,
      nextOffset: null,
    });
    const nodePage = evidencePage(nodes, { offset: 0, limit: 10 });
    expect(nodePage.page?.list).toBe("nodes");
    expect(nodePage.input).toEqual(nodes);
  });

  it("leaves a milestone, which has no list, whole and unpaged", () => {
    const milestone: CriterionInput = { kind: "milestone", milestone: null };
    const result = evidencePage(milestone, { offset: 0, limit: 10 });
    expect(result).toEqual({ input: milestone, page: null });
    expect(result.input).toBe(milestone);
  });
});
