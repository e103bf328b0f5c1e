import { describe, expect, it } from "vitest";
import { stageReadiness } from "@/lib/roadmap/readiness";

describe("stage readiness", () => {
  it("is unknown before any criterion has been evaluated", () => {
    expect(stageReadiness([null, null])).toEqual({
      total: 2,
      passed: 0,
      failed: 0,
      insufficient: 0,
      unevaluated: 2,
      ready: null,
    });
  });

  it("is ready only when every criterion passes", () => {
    expect(stageReadiness(["pass", "pass"]).ready).toBe(true);
    expect(stageReadiness(["pass", "fail"]).ready).toBe(false);
    expect(stageReadiness(["pass", "insufficient_data"]).ready).toBe(false);
    expect(stageReadiness(["pass", null]).ready).toBe(false);
  });

  it("does not call a stage with no measurable criteria ready", () => {
    expect(stageReadiness([]).ready).toBeNull();
  });
});
