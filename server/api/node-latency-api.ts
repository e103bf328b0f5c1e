import { getRegistryNode } from "@/db/queries/nodes";
import {
  NODE_LATENCY_CSV_COLUMNS,
  nodeIdParam,
  nodeLatencyCsvRows,
  parseNodeLatencyQuery,
} from "@/lib/latency/node-view";
import { searchParamsOf } from "@/lib/query-params";
import { apiError, csvResponse, jsonResponse } from "@/server/api/respond";
import { nodeLatencyView } from "@/server/charts/node-latency";
import type { ReadContext } from "./read-api";

/** `GET /api/v1/nodes/{id}/latency`: a node's probe latency over time per probing region, JSON or CSV. */
export async function getNodeLatencyApi(request: Request, { db, now, env }: ReadContext, id: string) {
  const nodeId = nodeIdParam.safeParse(id);
  if (!nodeId.success)
    return apiError(
      400,
      "invalid_query",
      `id: must be a node id (1 to 2147483647), got "${id.slice(0, 40)}"`,
    );
  const parsed = parseNodeLatencyQuery(searchParamsOf(request.url), env);
  if ("error" in parsed) return apiError(400, "invalid_query", parsed.error);
  const { network, window, region, format } = parsed.query;
  if (!(await getRegistryNode(db, { network, nodeId: nodeId.data })))
    return apiError(404, "not_found", `id: the registry of ${network} never listed node ${nodeId.data}`);
  const view = await nodeLatencyView(db, { network, nodeId: nodeId.data, window, region, now });
  if (format === "csv")
    return csvResponse(
      nodeLatencyCsvRows(view),
      NODE_LATENCY_CSV_COLUMNS,
      `node-${nodeId.data}-latency-${window}.csv`,
    );
  return jsonResponse(view);
}
