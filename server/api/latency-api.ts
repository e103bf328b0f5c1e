import { parseLatencyQuery } from "@/lib/latency/query";
import { LATENCY_CSV_COLUMNS, latencyCsvRows } from "@/lib/latency/view";
import { searchParamsOf } from "@/lib/query-params";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { latencyView } from "@/server/charts/latency";
import type { ReadContext } from "./read-api";

/** `GET /api/v1/latency`: each latency target's percentiles over time, as JSON or CSV. */
export async function getLatencyApi(request: Request, { db, now, env }: ReadContext) {
  const parsed = parseLatencyQuery(searchParamsOf(request.url), env, now);
  if ("error" in parsed) return apiError(400, "invalid_query", parsed.error);
  const { network, range, region, sdk, operation, format } = parsed.query;
  const view = await latencyView(db, { network, range, region, sdk, now });
  if (operation && !view.operations.some((op) => op.key === operation))
    return apiError(404, "not_found", `operation: no latency target ${operation}`);
  if (format === "csv")
    return csvResponse(
      latencyCsvRows(view, operation),
      LATENCY_CSV_COLUMNS,
      `latency-${operation ?? "all"}.csv`,
    );
  return jsonResponse(
    operation ? { ...view, operations: view.operations.filter((op) => op.key === operation) } : view,
  );
}
