import { describe, expect, it } from "vitest";
import { IngestError } from "@/lib/ingest/errors";
import { isLoadTestBody, stepsToRun } from "@/lib/ingest/load-test";

const QUERY = new URLSearchParams(
  "runId=lt-1&network=testnet&kind=offchain_burst&startedAt=2026-11-20T11:00:00Z",
);
const warmup = {
  name: "warmup",
  count: 1000,
  rps: 200,
  p50_latency_ms: 20,
  p95_latency_ms: 40,
  error_pct: 0,
};
const peak = {
  name: "peak",
  count: 60000,
  rps: 1100.5,
  p99_latency_ms: 140,
  error_pct: 0.5,
  ok_count: 59700,
  err_count: 300,
};

function refusal(body: unknown): IngestError {
  try {
    stepsToRun(body, QUERY);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error("the steps were accepted");
}

describe("the load tester's steps as a throughput run", () => {
  it("sums the steps into one run named by the query", () => {
    expect(stepsToRun([warmup, peak], QUERY)).toEqual({
      runId: "lt-1",
      network: "testnet",
      kind: "offchain_burst",
      startedAt: "2026-11-20T11:00:00Z",
      nodes: null,
      durationS: null,
      messages: 60_700,
      errors: 300,
      peakRps: 1100.5,
      errorPct: (300 / 61_000) * 100,
      steps: [warmup, peak],
    });
  });

  it("takes a single step object as a run of one step", () => {
    const run = stepsToRun(warmup, QUERY);
    expect(run.steps).toEqual([warmup]);
    expect(run).toMatchObject({ messages: 1000, errors: 0, peakRps: 200, errorPct: 0 });
  });

  it("derives a step's errors from its error_pct, rounded, when it does not count them", () => {
    const run = stepsToRun([{ name: "a", count: 333, rps: 10, error_pct: 1 }], QUERY);
    expect(run).toMatchObject({ errors: 3, messages: 330 });
    expect(run.errorPct).toBeCloseTo((3 / 333) * 100, 10);
    expect(stepsToRun([{ name: "b", count: 10, rps: 10, error_pct: 25 }], QUERY)).toMatchObject({
      errors: 3,
      messages: 7,
      errorPct: 30,
    });
  });

  it("prefers a step's err_count to its error_pct", () => {
    expect(stepsToRun([{ name: "a", count: 100, rps: 1, error_pct: 50, err_count: 0 }], QUERY)).toMatchObject(
      {
        errors: 0,
        messages: 100,
        errorPct: 0,
      },
    );
  });

  it("gives an error rate of 0 for steps that sent nothing", () => {
    expect(stepsToRun([{ name: "idle", count: 0, rps: 0, error_pct: 0 }], QUERY)).toMatchObject({
      messages: 0,
      errors: 0,
      errorPct: 0,
      peakRps: 0,
    });
  });

  it("takes the peak rate as the fastest step's, wherever it is", () => {
    const steps = [
      { name: "a", count: 1, rps: 5, error_pct: 0 },
      { name: "b", count: 1, rps: 50, error_pct: 0 },
      { name: "c", count: 1, rps: 7, error_pct: 0 },
    ];
    expect(stepsToRun(steps, QUERY).peakRps).toBe(50);
  });

  it("reads nodes and durationS from the query as numbers, and null when absent", () => {
    const query = new URLSearchParams(QUERY);
    query.set("nodes", "3");
    query.set("durationS", "65.5");
    expect(stepsToRun(warmup, query)).toMatchObject({ nodes: 3, durationS: 65.5 });
    query.set("nodes", "many");
    expect(Number.isNaN(stepsToRun(warmup, query).nodes)).toBe(true); // for the schema to refuse
  });

  it("leaves what the query does not name undefined, for the schema to name", () => {
    const run = stepsToRun(warmup, new URLSearchParams());
    expect([run.runId, run.network, run.kind, run.startedAt]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("refuses steps that do not match the load tester's shape with 400, naming each", () => {
    const error = refusal([warmup, { ...peak, error_pct: 140, extra: 1 }]);
    expect(error.status).toBe(400);
    expect(error.code).toBe("invalid_body");
    expect(error.message).toBe("the load-test steps do not match the expected shape");
    expect(error.issues?.map((issue) => issue.path)).toEqual(["1.error_pct", "1"]);
  });

  it("refuses an empty list of steps", () => {
    const error = refusal([]);
    expect(error.code).toBe("invalid_body");
    expect(error.issues).toHaveLength(1);
    expect(error.issues?.[0]?.path).toBe("(body)");
  });
});

describe("recognising the load tester's format", () => {
  it("is a step object, or a list starting with one: it has a name and an rps", () => {
    expect(isLoadTestBody(warmup)).toBe(true);
    expect(isLoadTestBody([warmup, { runId: "x" }])).toBe(true);
    expect(isLoadTestBody({ name: "x", rps: null })).toBe(true);
  });

  it("is not a run in the dashboard's shape, nor anything else", () => {
    expect(isLoadTestBody({ runId: "r", network: "testnet", messages: 1 })).toBe(false);
    expect(isLoadTestBody({ rps: 1 })).toBe(false);
    expect(isLoadTestBody({ name: "x" })).toBe(false);
    expect(isLoadTestBody([{ runId: "r" }, warmup])).toBe(false);
    expect(isLoadTestBody([])).toBe(false);
    expect(isLoadTestBody(null)).toBe(false);
    expect(isLoadTestBody([null])).toBe(false);
    expect(isLoadTestBody("name rps")).toBe(false);
    expect(isLoadTestBody(42)).toBe(false);
  });
});
