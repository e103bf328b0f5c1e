import { z } from "zod";
import { updateNodeFacts } from "@/db/mutations/team-changes";
import { type AdminContext, adminError, adminJson, authorised, orNull } from "./http";

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
