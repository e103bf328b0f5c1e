import { z } from "zod";
import { createIngestToken, revokeIngestToken, TokenError } from "@/db/mutations/tokens";
import { INGEST_SCOPES } from "@/lib/auth/scopes";
import { type AdminContext, adminError, adminJson, authorised } from "./http";

const tokenName = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,63}$/,
    "must be 1-64 lowercase letters, digits, dots, dashes or underscores",
  );
const createBody = z
  .object({ name: tokenName, scopes: z.array(z.enum(INGEST_SCOPES)).min(1, "give at least one scope") })
  .strict();
const revokeBody = z.object({ name: tokenName }).strict();

/** `POST /api/admin/tokens`: a new ingest token, answered once (only its hash is kept), audited. */
export async function postToken(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, createBody);
  if ("response" in asked) return asked.response;
  try {
    const created = await createIngestToken(context.db, {
      name: asked.data.name,
      scopes: [...new Set(asked.data.scopes)],
      actor: asked.actor,
    });
    return adminJson(created, 201);
  } catch (error) {
    if (error instanceof TokenError) return adminError(409, "token_exists", error.message);
    throw error;
  }
}

/** `POST /api/admin/tokens/revoke`: the token stops working at once, audited. */
export async function postTokenRevoke(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, revokeBody);
  if ("response" in asked) return asked.response;
  try {
    return adminJson(await revokeIngestToken(context.db, { name: asked.data.name, actor: asked.actor }));
  } catch (error) {
    if (error instanceof TokenError) return adminError(404, "not_found", error.message);
    throw error;
  }
}
