import { z } from "zod";
import { knownNodeIds } from "@/db/mutations/probes";
import { recomputeRollups } from "@/db/mutations/rollups";
import { addIncidentUpdate, announceMaintenanceWindow, openIncident } from "@/db/mutations/team-operations";
import { NETWORK_KEYS } from "@/lib/env";
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, MAX_INCIDENT_NODES } from "@/lib/incidents";
import { evaluateAll } from "@/server/jobs/evaluate";
import { type AdminContext, adminError, adminJson, authorised } from "./http";

const instant = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 time with its offset" })
  .transform((text) => new Date(text));
const markdown = z.string().trim().max(20_000);
const node = z.number().int().positive().max(2_147_483_647);
const nodeId = node.nullable().optional();
const nodeIds = z
  .array(node)
  .max(MAX_INCIDENT_NODES, `name at most ${MAX_INCIDENT_NODES} nodes; more is the whole network (none)`)
  .refine((ids) => new Set(ids).size === ids.length, "names a node twice")
  .optional();

const incidentBody = z
  .object({
    network: z.enum(NETWORK_KEYS),
    nodeIds,
    title: z.string().trim().min(1).max(200),
    severity: z.enum(INCIDENT_SEVERITIES),
    status: z.enum(INCIDENT_STATUSES),
    startedAt: instant,
    resolvedAt: instant.nullable().optional(),
    body: markdown.min(1, "say what is happening"),
  })
  .strict()
  .refine((one) => !one.resolvedAt || one.resolvedAt > one.startedAt, {
    path: ["resolvedAt"],
    message: "must be after startedAt",
  });

const updateBody = z
  .object({
    status: z.enum(INCIDENT_STATUSES),
    body: markdown.min(1, "say what changed"),
    resolvedAt: instant.nullable().optional(),
  })
  .strict();

const maintenanceBody = z
  .object({
    network: z.enum(NETWORK_KEYS),
    nodeId,
    title: z.string().trim().min(1).max(200),
    startsAt: instant,
    endsAt: instant,
  })
  .strict()
  .refine((one) => one.endsAt > one.startsAt, { path: ["endsAt"], message: "must be after startsAt" });

/** A network the dashboard collects, and nodes of it where named: else the 400 saying which is unknown. */
async function unknownTarget(
  { db, env }: AdminContext,
  network: string,
  named: readonly number[],
  field = "nodeId",
) {
  if (!env.XMTP_NETWORKS.includes(network as never))
    return adminError(400, "invalid_body", `network: ${network} is not one this dashboard collects`);
  const known = named.length ? await knownNodeIds(db, network, [...named]) : new Set<number>();
  const unknown = named.filter((id) => !known.has(id));
  if (unknown.length)
    return adminError(400, "invalid_body", `${field}: there is no node ${unknown.join(", ")} on ${network}`);
  return null;
}

/** `POST /api/admin/incidents`: an incident on a network or some of its nodes, with its first update. */
export async function postIncident(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, incidentBody);
  if ("response" in asked) return asked.response;
  const { data } = asked;
  const named = [...(data.nodeIds ?? [])].sort((a, b) => a - b);
  const refused = await unknownTarget(context, data.network, named, "nodeIds");
  if (refused) return refused;
  const status = data.resolvedAt ? "resolved" : data.status;
  const { id } = await openIncident(
    context.db,
    { ...data, status, nodeIds: named, resolvedAt: data.resolvedAt ?? null },
    { actor: asked.actor, at: context.now },
  );
  return adminJson({ id }, 201);
}

/** `POST /api/admin/incidents/{id}`: an update (status, markdown, resolution time) kept beside the earlier ones. */
export async function postIncidentUpdate(request: Request, context: AdminContext, segment: string) {
  const id = /^[1-9]\d{0,15}$/.test(segment) ? Number(segment) : null;
  if (id === null) return adminError(404, "not_found", `no incident "${segment}"`);
  const asked = await authorised(request, context, updateBody);
  if ("response" in asked) return asked.response;
  const { status, body, resolvedAt } = asked.data;
  // Resolving without a time resolves it now.
  const resolved = status === "resolved" ? (resolvedAt ?? context.now) : null;
  const result = await addIncidentUpdate(
    context.db,
    id,
    { status, body, resolvedAt: resolved },
    { actor: asked.actor, at: context.now },
  );
  if (!result) return adminError(404, "not_found", `no incident ${id}`);
  if ("refused" in result)
    return adminError(400, "invalid_body", "resolvedAt: must be after the incident started");
  return adminJson(result, 201);
}

/**
 * `POST /api/admin/maintenance`: a maintenance window announced now. Minutes inside it are left out
 * of availability; where it reaches into the past, the rollups it covers are recomputed and the
 * network's availability target judged again at once.
 */
export async function postMaintenance(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, maintenanceBody);
  if ("response" in asked) return asked.response;
  const { data } = asked;
  const refused = await unknownTarget(context, data.network, data.nodeId ? [data.nodeId] : []);
  if (refused) return refused;
  const { id } = await announceMaintenanceWindow(
    context.db,
    { ...data, nodeId: data.nodeId ?? null },
    { actor: asked.actor, at: context.now },
  );
  if (data.startsAt < context.now) {
    await recomputeRollups(context.db, data.network, {
      from: data.startsAt,
      to: new Date(Math.min(data.endsAt.getTime(), context.now.getTime())),
      now: context.now,
    });
    await evaluateAll(context.db, {
      now: context.now,
      only: (spec) => spec.kind === "node_reliability" && spec.network === data.network,
    });
  }
  return adminJson({ id, announcedBeforeStart: data.startsAt > context.now }, 201);
}
