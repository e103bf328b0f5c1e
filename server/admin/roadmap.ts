import { z } from "zod";
import { updateMilestone, updateNodeFacts, updateStage } from "@/db/mutations/team-changes";
import { MILESTONE_STATUSES, STAGE_STATUSES } from "@/lib/roadmap/vocabulary";
import { evaluateAll } from "@/server/jobs/evaluate";
import { type AdminContext, adminError, adminJson, authorised } from "./http";

const note = z.string().trim().max(2000).nullable().optional();
const stageBody = z
  .object({
    declaredStatus: z.enum(STAGE_STATUSES),
    targetDate: z.string().trim().min(1).max(40).nullable().optional(),
    note,
  })
  .strict();
const milestoneBody = z
  .object({
    status: z.enum(MILESTONE_STATUSES),
    evidenceUrl: z
      .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
      .max(2000)
      .nullable()
      .optional(),
    note,
  })
  .strict();

/** An empty note or date is none. */
const orNull = (value: string | null | undefined) => (value ? value : null);

/** `POST /api/admin/stages/{n}`: the team's declared status, target date and note of a stage. */
export async function postStage(request: Request, context: AdminContext, segment: string) {
  const number = /^[1-9]\d{0,2}$/.test(segment) ? Number(segment) : null;
  if (number === null) return adminError(404, "not_found", `no stage "${segment}"`);
  const asked = await authorised(request, context, stageBody);
  if ("response" in asked) return asked.response;
  const { declaredStatus, targetDate, note: text } = asked.data;
  const result = await updateStage(context.db, number, {
    actor: asked.actor,
    at: context.now,
    changes: {
      declaredStatus,
      ...(targetDate === undefined ? {} : { targetDate: orNull(targetDate) }),
      ...(text === undefined ? {} : { note: orNull(text) }),
    },
  });
  if (!result) return adminError(404, "not_found", `no stage ${number}`);
  return adminJson(result);
}

/**
 * `POST /api/admin/milestones/{key}`: a milestone's status, evidence URL and note. The targets that
 * read the milestone are judged again at once, not at the next scheduled run.
 */
export async function postMilestone(request: Request, context: AdminContext, key: string) {
  if (!/^[a-z0-9_-]{1,80}$/.test(key)) return adminError(404, "not_found", "no such milestone");
  const asked = await authorised(request, context, milestoneBody);
  if ("response" in asked) return asked.response;
  const { status, evidenceUrl, note: text } = asked.data;
  const result = await updateMilestone(context.db, key, {
    actor: asked.actor,
    at: context.now,
    changes: {
      status,
      ...(evidenceUrl === undefined ? {} : { evidenceUrl: orNull(evidenceUrl) }),
      ...(text === undefined ? {} : { note: orNull(text) }),
    },
  });
  if (!result) return adminError(404, "not_found", `no milestone "${key}"`);
  if (result.changed)
    await evaluateAll(context.db, {
      now: context.now,
      only: (spec) => spec.kind === "milestone" && spec.params.milestone === key,
    });
  return adminJson(result);
}

const fact = (max: number) => z.string().trim().max(max).nullable().optional();
const nodeFactsBody = z
  .object({
    operatorName: fact(200),
    region: fact(100),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as DE")
      .nullable()
      .optional()
      .or(z.literal("").transform(() => null)),
    website: z
      .url({ protocol: /^https$/, message: "must be an https URL" })
      .max(2000)
      .nullable()
      .optional()
      .or(z.literal("").transform(() => null)),
  })
  .strict();

/**
 * `POST /api/admin/nodes/{network}/{id}`: what the chain lacks or gets wrong about a node (operator
 * name, region, country, website), shown as set by the team beside the operator's own metadata. An
 * empty value clears the team's, a missing one leaves it.
 */
export async function postNodeFacts(
  request: Request,
  context: AdminContext,
  network: string,
  segment: string,
) {
  const nodeId = /^[1-9]\d{0,9}$/.test(segment) ? Number(segment) : null;
  if (nodeId === null || nodeId > 2_147_483_647 || !context.env.XMTP_NETWORKS.includes(network as never))
    return adminError(404, "not_found", `no node "${segment}" on "${network}"`);
  const asked = await authorised(request, context, nodeFactsBody);
  if ("response" in asked) return asked.response;
  const changes = Object.fromEntries(
    Object.entries(asked.data)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, orNull(value as string | null)]),
  );
  const result = await updateNodeFacts(
    context.db,
    { network, nodeId },
    { actor: asked.actor, at: context.now, changes },
  );
  if (!result) return adminError(404, "not_found", `no node ${nodeId} on ${network}`);
  return adminJson(result);
}
