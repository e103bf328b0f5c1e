import { describe, expect, it } from "vitest";
import { countdown, type EvaluationPoint, stageReadiness, statusAt, timeline } from "@/lib/roadmap/readiness";

const T0 = Date.parse("2026-03-01T12:00:00Z");
const HOUR = 3_600_000;
const DAY = 86_400_000;
const point = (hours: number, status: EvaluationPoint["status"], measured: number | null = 1) => ({
  evaluatedAt: new Date(T0 + hours * HOUR),
  status,
  measured,
});

describe("a stage's readiness counts", () => {
  it("counts each status of its criteria", () => {
    expect(stageReadiness(["pass", "fail", "insufficient_data", "insufficient_data", null, "pass"])).toEqual({
      total: 6,
      passed: 2,
      failed: 1,
      insufficient: 2,
      unevaluated: 1,
      ready: false,
    });
  });
});

describe("a criterion's timeline", () => {
  it("reads its history in time order, however it is stored", () => {
    const history = [point(3, "pass"), point(0, "fail"), point(2, "pass"), point(1, "fail")];
    expect(timeline(history)).toEqual({
      firstPassedAt: new Date(T0 + 2 * HOUR),
      passingSince: new Date(T0 + 2 * HOUR),
      lastChangedAt: new Date(T0 + 2 * HOUR),
    });
  });

  it("keeps passing since the first pass of an unbroken run, heartbeats included", () => {
    const history = [point(0, "pass"), point(1, "pass"), point(2, "pass")];
    expect(timeline(history)).toEqual({
      firstPassedAt: new Date(T0),
      passingSince: new Date(T0),
      lastChangedAt: new Date(T0),
    });
  });

  it("is not passing since anything once it stops passing", () => {
    const history = [point(0, "pass"), point(1, "fail", 2)];
    expect(timeline(history)).toEqual({
      firstPassedAt: new Date(T0),
      passingSince: null,
      lastChangedAt: new Date(T0 + HOUR),
    });
  });

  it("marks a change of the measured value while the status stays", () => {
    const history = [point(0, "pass", 10), point(1, "pass", 10.000001), point(2, "pass", 11)];
    expect(timeline(history)).toMatchObject({
      passingSince: new Date(T0),
      lastChangedAt: new Date(T0 + 2 * HOUR),
    });
  });

  it("knows nothing of an empty history", () => {
    expect(timeline([])).toEqual({ firstPassedAt: null, passingSince: null, lastChangedAt: null });
  });

  it("gives the status as of a moment, including an evaluation made at that moment", () => {
    const history = [point(2, "fail"), point(0, "pass")];
    expect(statusAt(history, new Date(T0 + 2 * HOUR))).toBe("fail");
    expect(statusAt(history, new Date(T0 + 2 * HOUR - 1))).toBe("pass");
  });
});

describe("the migration countdown", () => {
  const startedAt = new Date(T0);

  it("states when it ends and how many days are left, rounded up", () => {
    expect(countdown(startedAt, 60, new Date(T0 + 10.5 * DAY))).toEqual({
      startedAt,
      days: 60,
      endsAt: new Date(T0 + 60 * DAY),
      daysLeft: 50,
      finished: false,
    });
  });

  it("is finished at the very moment it ends", () => {
    expect(countdown(startedAt, 60, new Date(T0 + 60 * DAY))).toMatchObject({ daysLeft: 0, finished: true });
    expect(countdown(startedAt, 60, new Date(T0 + 60 * DAY - 1))).toMatchObject({
      daysLeft: 1,
      finished: false,
    });
  });

  it("has not started without a start or a length", () => {
    expect(countdown(startedAt, null, new Date(T0))).toBeNull();
    expect(countdown(startedAt, 0, new Date(T0))).toBeNull();
  });
});
