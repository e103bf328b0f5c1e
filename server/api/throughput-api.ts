import { searchParamsOf } from "@/lib/query-params";
import { parseThroughputQuery } from "@/lib/throughput/query";
import { THROUGHPUT_CSV_COLUMNS, throughputCsvRows } from "@/lib/throughput/view";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { throughputView } from "@/server/charts/throughput";
import type { ReadContext } from "./read-api";

/** `GET /api/v1/throughput`: each throughput target with its runs in a range, as JSON or CSV. */
export async function getThroughputApi(request: Request, { db, now, env }: ReadContext) {
  const parsed = parseThroughputQuery(searchParamsOf(request.url), env, now);
  if ("error" in parsed) return apiError(400, "invalid_query", parsed.error);
  const { network, range, target, format } = parsed.query;
  const view = await throughputView(db, { network, range, now });
  if (target && !view.targets.some((one) => one.key === target))
    return apiError(404, "not_found", `target: no throughput target ${target}`);
  if (format === "csv")
    return csvResponse(
      throughputCsvRows(view, target),
      THROUGHPUT_CSV_COLUMNS,
      `throughput-${target ?? "all"}.csv`,
    );
  return jsonResponse(target ? { ...view, targets: view.targets.filter((one) => one.key === target) } : view);
}
