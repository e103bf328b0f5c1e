import { searchParamsOf } from "@/lib/query-params";
import { parseHistoryQuery } from "@/lib/roadmap/history-query";
import { HISTORY_CSV_COLUMNS, historyCsvRows } from "@/lib/roadmap/history-view";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { criterionHistoryView } from "@/server/charts/criterion-history";
import type { ReadContext } from "./read-api";

/** `GET /api/v1/criteria/{key}/history`: a target's verdict per hour or day over a range, JSON or CSV. */
export async function getCriterionHistoryApi(request: Request, { db, now }: ReadContext, key: string) {
  const parsed = parseHistoryQuery(searchParamsOf(request.url), now);
  if ("error" in parsed) return apiError(400, "invalid_query", parsed.error);
  const view = await criterionHistoryView(db, { key, range: parsed.query.range, now });
  if (!view) return apiError(404, "not_found", `no criterion "${key.slice(0, 64)}"`);
  if (parsed.query.format === "csv")
    return csvResponse(historyCsvRows(view), HISTORY_CSV_COLUMNS, `${view.key}-history.csv`);
  return jsonResponse(view);
}
