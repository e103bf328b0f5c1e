import { z } from "zod";
import { getIncidents } from "@/db/queries/incidents";
import { INT4_MAX } from "@/lib/limits";
import { collectedNetworkParam } from "@/lib/network-param";
import { firstOfEach, searchParamsOf } from "@/lib/query-params";
import { badQuery, type ReadContext } from "@/server/api/read-api";
import { csvResponse, jsonResponse } from "@/server/api/respond";

export const INCIDENTS_LIMIT_MAX = 500;

/** `GET /api/v1/incidents`: a network's incidents, open ones first, with their updates (JSON or CSV). */
export async function getIncidentsApi(request: Request, { db, env }: ReadContext) {
  const query = z
    .object({
      network: collectedNetworkParam(env),
      node: z.coerce.number().int().min(0).max(INT4_MAX).optional(),
      status: z.enum(["open", "resolved", "all"]).default("all"),
      limit: z.coerce.number().int().min(1).max(INCIDENTS_LIMIT_MAX).default(100),
      format: z.enum(["json", "csv"]).default("json"),
    })
    .strict()
    .safeParse(firstOfEach(searchParamsOf(request.url)));
  if (!query.success) return badQuery(query.error);
  const { node, status, limit, format } = query.data;
  const network = query.data.network ?? env.defaultNetwork;
  const found = (await getIncidents(db, { network, nodeId: node, limit: INCIDENTS_LIMIT_MAX })).filter(
    (incident) => status === "all" || (status === "open") === (incident.resolvedAt === null),
  );
  const incidents = found.slice(0, limit);
  if (format === "csv")
    return csvResponse(
      incidents.map(({ updates, nodeIds, ...incident }) => ({
        ...incident,
        nodeIds: nodeIds.join(" "),
        updates: updates.length,
      })),
      [
        "id",
        "network",
        "nodeIds",
        "title",
        "severity",
        "status",
        "startedAt",
        "resolvedAt",
        "updatedAt",
        "updates",
      ],
      `incidents-${network}.csv`,
    );
  // No clock time in the answer: it changes only when an incident does, so its ETag holds till then.
  return jsonResponse({
    network,
    // Who posted each is public, as on the changelog.
    incidents: incidents.map(({ updates, ...incident }) => ({
      ...incident,
      updates: updates.map(({ incidentId: _, ...update }) => update),
    })),
  });
}
