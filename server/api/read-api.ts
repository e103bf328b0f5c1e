import { z } from "zod";
import type { Db } from "@/db/client";
import {
  criteriaWithTimeline,
  criterionHistory,
  criterionSpecs,
  networkReadiness,
  networkSummary,
  stageReadinessDetails,
} from "@/db/queries/criteria";
import { loadCriterionInput } from "@/db/queries/criteria-inputs";
import { getStages } from "@/db/queries/roadmap";
import type { Env } from "@/lib/env";
import { isoTime } from "@/lib/iso-time";
import { INT4_MAX } from "@/lib/limits";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, searchParamsOf } from "@/lib/query-params";
import { criterionWindow, evidencePath } from "@/lib/roadmap/criteria";
import { evaluateCriterion } from "@/lib/roadmap/evaluate";
import { EVIDENCE_PAGE_DEFAULT, EVIDENCE_PAGE_MAX, evidencePage } from "@/lib/roadmap/evidence-page";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";

/** The public read API's handlers: thin route files call these with the database and the clock. */
export type ReadContext = { db: Db; now: Date; env: Pick<Env, "XMTP_NETWORKS" | "defaultNetwork"> };

// A network this dashboard does not collect is refused, not answered with empty figures.
const networkParam = collectedNetworkParam;
const isoParam = isoTime.optional();

export function badQuery(error: z.ZodError) {
  const issue = error.issues[0];
  return apiError(
    400,
    "invalid_query",
    `${issue?.path.join(".") || "query"}: ${issue?.message ?? "invalid"}`,
  );
}

export async function getStagesApi(_request: Request, { db, now }: ReadContext) {
  return jsonResponse({ asOf: now, stages: await stageReadinessDetails(db, { now }) });
}

const CRITERIA_COLUMNS = [
  "key",
  "stageNumber",
  "network",
  "category",
  "kind",
  "title",
  "comparator",
  "target",
  "unit",
  "baseline",
  "windowDays",
  "minSamples",
  "status",
  "measured",
  "samples",
  "evaluatedAt",
  "firstPassedAt",
  "passingSince",
  "lastChangedAt",
  "evidenceUrl",
];

export async function getCriteriaApi(request: Request, { db, now, env }: ReadContext) {
  const params = new URL(request.url).searchParams;
  const query = z
    .object({
      network: networkParam(env),
      stage: z.coerce.number().int().min(1).max(99).optional(),
      format: z.enum(["json", "csv"]).optional(),
    })
    .safeParse(Object.fromEntries(params));
  if (!query.success) return badQuery(query.error);
  const rows = (await criteriaWithTimeline(db))
    .filter((row) => !query.data.network || row.network === query.data.network)
    .filter((row) => !query.data.stage || row.stageNumber === query.data.stage)
    .map((row) => ({
      ...row,
      evidenceUrl: evidencePath(row.key, criterionWindow(row, row.evaluatedAt ?? now)),
    }));
  if (query.data.format === "csv") return csvResponse(rows, CRITERIA_COLUMNS, "criteria.csv");
  return jsonResponse({
    asOf: now,
    passed: rows.filter((row) => row.status === "pass").length,
    total: rows.length,
    criteria: rows,
  });
}

export async function getCriterionApi(request: Request, { db, now }: ReadContext, key: string) {
  const query = z
    .object({ since: isoParam, limit: z.coerce.number().int().min(1).max(5000).optional() })
    .safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const row = (await criteriaWithTimeline(db)).find((entry) => entry.key === key);
  if (!row) return apiError(404, "not_found", `no criterion "${key}"`);
  const history = await criterionHistory(db, key, {
    since: query.data.since ? new Date(query.data.since) : undefined,
    limit: query.data.limit,
  });
  return jsonResponse({
    asOf: now,
    criterion: { ...row, evidenceUrl: evidencePath(key, criterionWindow(row, row.evaluatedAt ?? now)) },
    history,
  });
}

/**
 * The data behind a criterion for a window (default: its latest evaluation's), with the figure
 * computed from exactly that data, so anyone can recompute it.
 */
export async function getEvidenceApi(request: Request, { db, now }: ReadContext, key: string) {
  const query = z
    .object({
      from: isoParam,
      to: isoParam,
      offset: z.coerce.number().int().min(0).max(INT4_MAX).default(0),
      limit: z.coerce.number().int().min(1).max(EVIDENCE_PAGE_MAX).default(EVIDENCE_PAGE_DEFAULT),
    })
    .safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const [spec] = await criterionSpecs(db, key);
  if (!spec) return apiError(404, "not_found", `no criterion "${key}"`);
  const [latest] = await criterionHistory(db, key, { limit: 1 });
  const window = {
    from: query.data.from
      ? new Date(query.data.from)
      : (latest?.windowStart ?? criterionWindow(spec, now).from),
    to: query.data.to ? new Date(query.data.to) : (latest?.windowEnd ?? now),
  };
  if (!(window.from < window.to)) return apiError(400, "invalid_query", "from must be before to");
  const input = await loadCriterionInput(db, spec, window, window.to);
  const evaluation = evaluateCriterion(spec, input, window.to, window);
  const { input: rows, page } = evidencePage(input, query.data);
  return jsonResponse({ criterion: spec, window, method: METHODS[spec.kind], input: rows, page, evaluation });
}

export async function getSummaryApi(request: Request, { db, now, env }: ReadContext) {
  const query = z.object({ network: networkParam(env) }).safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const stages = await getStages(db);
  const network =
    query.data.network ??
    stages.find((stage) => stage.declaredStatus !== "complete")?.network ??
    env.defaultNetwork;
  return jsonResponse(await networkSummary(db, { network, now }));
}

export async function getReadinessApi(request: Request, { db, now, env }: ReadContext) {
  const query = z.object({ network: networkParam(env) }).safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  return jsonResponse(await networkReadiness(db, { network: query.data.network ?? env.defaultNetwork, now }));
}

const METHODS: Record<string, string> = {
  latency_p95:
    "Merge every result's histogram (add counts per bucket key; key k holds values in (γ^(k-1), γ^k], γ = 1.02/0.98, key 'z' holds 0), then take the nearest-rank 95th percentile (rank ceil(0.95·n)) and report its bucket's value 2γ^k/(γ+1). Summary-only results are not merged.",
  throughput_burst:
    "The best run of the kind: its peak step rate (peakRps) when given, else messages / durationS.",
  throughput_sustained_daily:
    "The best qualifying run (nodes ≥ params.minNodes, durationS ≥ params.minDurationS): messages / durationS × 86,400.",
  node_reliability:
    "Per canonical node: (up + degraded) / (up + degraded + down) minutes, in percent; coverage = (up + degraded + down + maintenance) / windowMinutes. The measured value is the lowest node's.",
  fork_rate: "Sum of forkedGroups / sum of groupsChecked over the runs, in percent.",
  integration_pass:
    "Per SDK suite, its last params.lastRuns runs: passed / (passed + failed), in percent; the measured value is the lowest.",
  independent_operators:
    "Canonical nodes grouped by shared owner address or operator name; the number of groups.",
  milestone: "1 when the milestone is marked done, 0 while open.",
};
