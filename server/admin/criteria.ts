import { z } from "zod";
import { updateCriterionRule } from "@/db/mutations/criterion-rules";
import { evaluateAll } from "@/server/jobs/evaluate";
import { type AdminContext, adminError, adminJson, authorised } from "./http";

/** The longest range the dashboard charts: a window beyond it could not be shown beside its verdict. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_MIN_SAMPLES = 1_000_000;

const published = z.never({
  error: "targets are the published ones: the console changes a criterion's window and minimum samples only",
});

const criterionBody = z
  .object({
    windowDays: z.number().int().min(1).max(MAX_WINDOW_DAYS).optional(),
    minSamples: z.number().int().min(1).max(MAX_MIN_SAMPLES).optional(),
    target: published.optional(),
    comparator: published.optional(),
    baseline: published.optional(),
  })
  .strict()
  .refine((body) => body.windowDays !== undefined || body.minSamples !== undefined, {
    message: "name windowDays or minSamples",
  });

/**
 * `POST /api/admin/criteria/{key}`: a criterion's window and minimum samples, as a new version of
 * its rule. The criterion is judged again at once by the new rule.
 */
export async function postCriterion(request: Request, context: AdminContext, key: string) {
  if (!/^[a-z0-9_-]{1,80}$/.test(key)) return adminError(404, "not_found", "no such criterion");
  const asked = await authorised(request, context, criterionBody);
  if ("response" in asked) return asked.response;
  const { windowDays, minSamples } = asked.data;
  const result = await updateCriterionRule(context.db, key, {
    actor: asked.actor,
    at: context.now,
    changes: {
      ...(windowDays === undefined ? {} : { windowDays }),
      ...(minSamples === undefined ? {} : { minSamples }),
    },
  });
  if (!result) return adminError(404, "not_found", `no criterion "${key}"`);
  if (result.changed) await evaluateAll(context.db, { now: context.now, only: (spec) => spec.key === key });
  return adminJson(result);
}
