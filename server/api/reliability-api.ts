import type { Env } from "@/lib/env";
import { searchParamsOf } from "@/lib/query-params";
import { parseReliabilityQuery } from "@/lib/reliability/query";
import { RELIABILITY_CSV_COLUMNS, reliabilityCsvRows } from "@/lib/reliability/view";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { reliabilityView } from "@/server/charts/reliability";
import type { ReadContext } from "./read-api";

/** `GET /api/v1/reliability`: availability, fork rate, integration runs and replication lag, as JSON or one chart as CSV. */
export async function getReliabilityApi(
  request: Request,
  { db, now, env }: ReadContext & { env: Pick<Env, "RETENTION_HOURS_DAYS" | "PROBE_INTERVAL_S"> },
) {
  const parsed = parseReliabilityQuery(searchParamsOf(request.url), env, now);
  if ("error" in parsed) return apiError(400, "invalid_query", parsed.error);
  const { network, range, chart, format } = parsed.query;
  const view = await reliabilityView(db, {
    network,
    range,
    now,
    hourDays: env.RETENTION_HOURS_DAYS,
    probeIntervalS: env.PROBE_INTERVAL_S,
  });
  if (format === "csv" && chart)
    return csvResponse(
      reliabilityCsvRows(view, chart),
      RELIABILITY_CSV_COLUMNS[chart],
      `reliability-${chart}.csv`,
    );
  if (!chart) return jsonResponse(view);
  const { network: n, asOf, range: r, days, annotations } = view;
  return jsonResponse({ network: n, asOf, range: r, days, annotations, [chart]: view[chart] });
}
