import { z } from "zod";
import { NETWORK_KEYS } from "../env";
import { isoTime } from "../iso-time";
import {
  INT4_MAX,
  MAX_CURSOR_ENTRIES,
  MAX_DURATION_MS,
  MAX_ERROR_CHARS,
  MAX_RATE_PER_S,
  MAX_RUN_S,
  MAX_VERSION_CHARS,
  REGION_PATTERN,
  REGION_RULE,
} from "../limits";
import { cleanVersion } from "../partners/semver";
import { SDK_NAME, SDK_NAME_RULE } from "../partners/slug";
import { PROBE_ERROR_CLASSES, PROBE_OUTCOMES } from "../probe/record";
import { THROUGHPUT_KINDS } from "../results/vocabulary";

export const runId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:@/-]+$/, "may hold letters, digits and . _ : @ / - only");
export const network = z.enum(NETWORK_KEYS, { message: `must be one of ${NETWORK_KEYS.join(", ")}` });
const durationMs = z
  .number()
  .finite()
  .min(0, "must be ≥ 0")
  .max(MAX_DURATION_MS, `must be at most ${MAX_DURATION_MS} ms (a day)`);
const rate = z
  .number()
  .finite()
  .min(0, "must be ≥ 0")
  .max(MAX_RATE_PER_S, `must be at most ${MAX_RATE_PER_S} a second`);
/** A count stored in an int4 column. */
const count = z.number().int().min(0).max(INT4_MAX, `must be at most ${INT4_MAX}`);
/** A count stored in a bigint column (JavaScript numbers are exact up to 2^53 − 1). */
const bigCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const startsBeforeItEnds = (run: { startedAt: string; finishedAt?: string }) =>
  !run.finishedAt || Date.parse(run.finishedAt) >= Date.parse(run.startedAt);
const endsAfterStart = { message: "must not be before startedAt", path: ["finishedAt"] };

export const benchmarkRunSchema = z
  .object({
    runId,
    source: z.string().min(1).max(200),
    network,
    region: z.string().min(1).max(100).optional(),
    sdk: z.string().min(1).max(100).optional(),
    sdkVersion: z.string().min(1).max(100).optional(),
    commit: z.string().min(1).max(100).optional(),
    startedAt: isoTime,
    finishedAt: isoTime.optional(),
    results: z
      .array(
        z
          .object({
            operation: z.string().min(1).max(200),
            members: count.optional(),
            durationsMs: z.array(durationMs).min(1).max(100_000).optional(),
            summary: z
              .object({
                count: count,
                p50: durationMs,
                p95: durationMs,
                p99: durationMs.optional(),
                min: durationMs.optional(),
                max: durationMs.optional(),
                mean: durationMs.optional(),
              })
              .strict()
              .optional(),
          })
          .strict()
          .refine((result) => result.durationsMs || result.summary, {
            message: "needs durationsMs or summary",
          }),
      )
      .min(1)
      .max(1000),
  })
  .strict()
  .refine(startsBeforeItEnds, endsAfterStart);

export const forkCheckSchema = z
  .object({
    runId,
    network,
    startedAt: isoTime,
    groupsChecked: count,
    forkedGroups: count,
    operations: count.optional(),
    details: z.unknown().optional(),
  })
  .strict()
  .refine((run) => run.forkedGroups <= run.groupsChecked, {
    message: "cannot exceed groupsChecked",
    path: ["forkedGroups"],
  });

export type BenchmarkRun = z.infer<typeof benchmarkRunSchema>;
export type ForkCheck = z.infer<typeof forkCheckSchema>;

const integrationRunFields = z.object({
  runId,
  suite: z.string().min(1).max(200),
  sdk: z.string().min(1).max(100),
  network,
  startedAt: isoTime,
  // Set by the dashboard for a JUnit report: where its start time came from.
  startedAtFrom: z.enum(["query", "report", "report_as_utc", "received"]).optional(),
  passed: count,
  failed: count,
  skipped: count.default(0),
  cases: z
    .array(
      z
        .object({
          name: z.string().min(1).max(1000),
          status: z.enum(["passed", "failed", "skipped"]),
          durationMs: durationMs,
        })
        .strict(),
    )
    .max(20_000)
    .optional(),
});

const casesMatch: [
  (run: { cases?: { status: string }[]; passed: number }) => boolean,
  z.core.$ZodCustomParams,
] = [
  (run) => !run.cases || run.cases.filter((c) => c.status === "passed").length === run.passed,
  { message: "does not match the passed cases", path: ["passed"] },
];

export const integrationRunSchema = integrationRunFields.strict().refine(...casesMatch);

/** A partner's own integration run: the QA shape plus the SDK version it ran (semver, "v" allowed). */
export const partnerRunSchema = integrationRunFields
  .extend({
    // The team's minimums are set per package name: a run's SDK is named the same way.
    sdk: z.string().regex(SDK_NAME, SDK_NAME_RULE),
    sdkVersion: z
      .string()
      .trim()
      .max(MAX_VERSION_CHARS)
      .refine(
        (value) => cleanVersion(value) !== null,
        "must be a semantic version such as 2.1.0 or 2.1.0-rc.1",
      )
      .transform((value) => cleanVersion(value) as string),
  })
  .strict()
  .refine(...casesMatch);

export type PartnerRunBody = z.infer<typeof partnerRunSchema>;

export type IntegrationRun = z.infer<typeof integrationRunSchema>;

export const throughputRunSchema = z
  .object({
    runId,
    network,
    kind: z.enum(THROUGHPUT_KINDS, { message: `must be one of ${THROUGHPUT_KINDS.join(", ")}` }),
    nodes: z.number().int().min(1).max(10_000).nullable().optional(),
    startedAt: isoTime,
    durationS: z
      .number()
      .finite()
      .min(0.001, "must be at least 0.001 s")
      .max(MAX_RUN_S, `must be at most ${MAX_RUN_S} s (31 days)`)
      .nullable()
      .optional(),
    messages: bigCount,
    errors: bigCount.default(0),
    peakRps: rate.optional(),
    errorPct: z.number().finite().min(0).max(100).optional(),
    steps: z.array(z.record(z.string(), z.unknown())).max(10_000).optional(),
  })
  .strict()
  .refine((run) => !run.durationS || run.messages / run.durationS <= MAX_RATE_PER_S, {
    message: `messages / durationS must be at most ${MAX_RATE_PER_S} a second`,
    path: ["messages"],
  });

/** One step object as xmtpd's load tester writes it. */
export const loadTestStepSchema = z
  .object({
    name: z.string().min(1).max(200),
    count: count,
    rps: rate,
    p50_latency_ms: durationMs.optional(),
    p95_latency_ms: durationMs.optional(),
    p99_latency_ms: durationMs.optional(),
    avg_latency_ms: durationMs.optional(),
    stddev_ms: durationMs.optional(),
    error_pct: z.number().finite().min(0).max(100),
    ok_count: count.optional(),
    err_count: count.optional(),
  })
  .strict();

export type ThroughputRun = z.infer<typeof throughputRunSchema>;

export const PROBE_BATCH_MAX = 5000;

/** A batch from a prober in another region; `errorClass` and `cursor` let our own prober push losslessly. */
export const probeBatchSchema = z
  .object({
    network,
    region: z.string().regex(REGION_PATTERN, REGION_RULE),
    probes: z
      .array(
        z
          .object({
            nodeId: z.number().int().min(0).max(INT4_MAX),
            at: isoTime,
            outcome: z.enum(PROBE_OUTCOMES, { message: `must be one of ${PROBE_OUTCOMES.join(", ")}` }),
            latencyMs: durationMs.nullable().optional(),
            version: z.string().max(MAX_VERSION_CHARS).nullable().optional(),
            httpStatus: z.number().int().min(100).max(599).nullable().optional(),
            grpcStatus: z.number().int().min(0).max(16).nullable().optional(),
            errorClass: z.enum(PROBE_ERROR_CLASSES).nullable().optional(),
            error: z.string().max(MAX_ERROR_CHARS).nullable().optional(),
            cursor: z
              .record(
                z.string().regex(/^\d{1,10}$/),
                z.string().regex(/^\d{1,20}$/, "must be a decimal uint64"),
              )
              .refine(
                (cursor) => Object.keys(cursor).length <= MAX_CURSOR_ENTRIES,
                `at most ${MAX_CURSOR_ENTRIES} originators`,
              )
              .nullable()
              .optional(),
          })
          .strict(),
      )
      .min(1)
      .max(PROBE_BATCH_MAX, `at most ${PROBE_BATCH_MAX} probes per request`),
  })
  .strict();

export type ProbeBatch = z.infer<typeof probeBatchSchema>;
