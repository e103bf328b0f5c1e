import { z } from "zod";
import { latencyMetricKeys, setOperationMapping } from "@/db/mutations/operation-map";
import { evaluateAll } from "@/server/jobs/evaluate";
import { type AdminContext, adminError, adminJson, authorised, orNull } from "./http";

const mappingBody = z
  .object({
    pattern: z
      .string()
      .trim()
      .regex(
        /^[A-Za-z0-9_.:]+(?:-[A-Za-z0-9_.:]+)*(?:-\*)?$/,
        'must be a QA test id ("newGroup-100") or one with "-*" for any size ("groupsync-*")',
      )
      .max(120),
    metricKey: z.string().trim().min(1).max(80).nullable(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .strict();

/**
 * `POST /api/admin/operation-map`: maps a QA operation (or a sized family of them) to a latency
 * target's key, or with `metricKey: null` drops the mapping. Stored results are mapped again, and the
 * targets that gained or lost results are judged again at once.
 */
export async function postOperationMapping(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, mappingBody);
  if ("response" in asked) return asked.response;
  const { pattern, metricKey, note } = asked.data;
  const keys = await latencyMetricKeys(context.db);
  // A result named as a target is that target's whatever the map says: a mapping of it would do nothing.
  if (keys.has(pattern))
    return adminError(400, "invalid_body", `pattern: ${pattern} is a target's own key, which maps to itself`);
  if (metricKey !== null && !keys.has(metricKey))
    return adminError(
      400,
      "invalid_body",
      `metricKey: ${metricKey} is no latency target; one of ${[...keys].sort().join(", ")}`,
    );
  const result = await setOperationMapping(
    context.db,
    { pattern, metricKey, note: orNull(note) },
    { actor: asked.actor, at: context.now },
  );
  if (result.metricKeys.length > 0) {
    const moved = new Set(result.metricKeys);
    await evaluateAll(context.db, {
      now: context.now,
      only: (spec) => spec.kind === "latency_p95" && moved.has(spec.metric),
    });
  }
  return adminJson(result);
}
