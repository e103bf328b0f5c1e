import { z } from "zod";
import { updateMilestone, updateStage } from "@/db/mutations/team-changes";
import { MILESTONE_STATUSES, STAGE_STATUSES } from "@/lib/roadmap/vocabulary";
import { evaluateAll } from "@/server/jobs/evaluate";
import { type AdminContext, adminError, adminJson, authorised, orNull } from "./http";

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
