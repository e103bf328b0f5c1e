import { z } from "zod";
import { IngestError, issuesOf } from "./errors";
import { loadTestStepSchema } from "./schemas";

/** The load tester's step objects (one, or an array) → the throughput run they describe; the run's identity comes from the query. */
export function stepsToRun(body: unknown, params: URLSearchParams) {
  const steps = z
    .array(loadTestStepSchema)
    .min(1)
    .safeParse(Array.isArray(body) ? body : [body]);
  if (!steps.success) {
    throw new IngestError(
      400,
      "invalid_body",
      "the load-test steps do not match the expected shape",
      issuesOf(steps.error),
    );
  }
  const total = steps.data.reduce((sum, step) => sum + step.count, 0);
  const errors = steps.data.reduce(
    (sum, step) => sum + (step.err_count ?? Math.round((step.count * step.error_pct) / 100)),
    0,
  );
  const number = (name: string) => (params.has(name) ? Number(params.get(name)) : undefined);
  return {
    runId: params.get("runId") ?? undefined,
    network: params.get("network") ?? undefined,
    kind: params.get("kind") ?? undefined,
    startedAt: params.get("startedAt") ?? undefined,
    nodes: number("nodes") ?? null,
    durationS: number("durationS") ?? null,
    messages: total - errors,
    errors,
    peakRps: Math.max(...steps.data.map((step) => step.rps)),
    errorPct: total === 0 ? 0 : (errors / total) * 100,
    steps: steps.data,
  };
}

/** A body is in the load tester's format when it is its step objects rather than a run. */
export function isLoadTestBody(body: unknown): boolean {
  const first = Array.isArray(body) ? body[0] : body;
  return typeof first === "object" && first !== null && "rps" in first && "name" in first;
}
