import { getAddress, isAddress } from "viem";
import { z } from "zod";
import {
  createPartner,
  issuePartnerToken,
  PartnerError,
  setSdkMinimum,
  updatePartner,
} from "@/db/mutations/partners";
import { NETWORK_KEYS } from "@/lib/env";
import { cleanVersion } from "@/lib/partners/semver";
import { PARTNER_SLUG, partnerLink, SDK_NAME, SDK_NAME_RULE, SLUG_RULE } from "@/lib/partners/slug";
import { runPayerCheckJob } from "@/server/jobs/payer-check";
import { type AdminContext, adminError, adminJson, authorised } from "./http";

const sdkName = z.string().trim().regex(SDK_NAME, SDK_NAME_RULE);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

const partnerFields = z.object({
  slug: z.string().trim().regex(PARTNER_SLUG, SLUG_RULE),
  name: z.string().trim().min(1).max(100),
  appUrl: z
    .string()
    .trim()
    .max(300)
    .refine(
      (value) => value === "" || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)),
      "must be an http(s) URL",
    )
    .nullish()
    .transform((value) => value || null),
  network: z.enum(NETWORK_KEYS, { message: `must be one of ${NETWORK_KEYS.join(", ")}` }),
  payerAddresses: z
    .array(
      z
        .string()
        .trim()
        .refine((value) => isAddress(value, { strict: false }), "must be a 0x-prefixed 20-byte address"),
    )
    .max(20, "at most 20 payers")
    .transform((list) => [...new Set(list.map((address) => getAddress(address)))]),
  sdks: z
    .array(sdkName)
    .max(10, "at most 10 SDKs")
    .transform((list) => [...new Set(list)]),
  listed: z.boolean(),
  contact: optionalText(500),
  notes: optionalText(2000),
  requiredRuns: z.number().int().min(1).max(50),
});

const createBody = partnerFields
  .extend({ requiredRuns: partnerFields.shape.requiredRuns.default(5) })
  .strict();
/** A change names only what it changes: a field left out keeps its value. */
const updateBody = partnerFields.partial().extend({ newLink: z.boolean().optional() }).strict();

/** A partner's network must be one this dashboard collects: its readiness and chain are read there. */
function uncollected(context: AdminContext, network: string) {
  return context.env.XMTP_NETWORKS.includes(network as never)
    ? null
    : adminError(
        400,
        "invalid_body",
        `network: this dashboard collects ${context.env.XMTP_NETWORKS.join(", ")} only`,
      );
}

const partnerAnswer = (row: { slug: string; listed: boolean; accessKey: string }) => ({
  slug: row.slug,
  listed: row.listed,
  link: partnerLink(row),
  changed: true,
});

function partnerFailure(error: unknown) {
  if (error instanceof PartnerError)
    return adminError(error.status, error.status === 404 ? "not_found" : "conflict", error.message);
  throw error;
}

/** `POST /api/admin/partners`: a new partner, audited (its contact and notes never reach the changelog). */
export async function postPartner(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, createBody);
  if ("response" in asked) return asked.response;
  const refused = uncollected(context, asked.data.network);
  if (refused) return refused;
  try {
    return adminJson(partnerAnswer(await createPartner(context.db, asked.data, asked.actor)), 201);
  } catch (error) {
    return partnerFailure(error);
  }
}

/** `POST /api/admin/partners/{slug}`: a partner changed; `newLink: true` makes its old link stop working. */
export async function postPartnerUpdate(request: Request, context: AdminContext, slug: string) {
  if (!PARTNER_SLUG.test(slug)) return adminError(404, "not_found", "no such partner");
  const asked = await authorised(request, context, updateBody);
  if ("response" in asked) return asked.response;
  const refused = asked.data.network ? uncollected(context, asked.data.network) : null;
  if (refused) return refused;
  try {
    return adminJson(partnerAnswer(await updatePartner(context.db, slug, asked.data, asked.actor)));
  } catch (error) {
    return partnerFailure(error);
  }
}

/** `POST /api/admin/partners/{slug}/token`: the partner's new ingest token, answered once; its old one stops working. */
export async function postPartnerToken(request: Request, context: AdminContext, slug: string) {
  if (!PARTNER_SLUG.test(slug)) return adminError(404, "not_found", "no such partner");
  const asked = await authorised(request, context, z.object({}).strict());
  if ("response" in asked) return asked.response;
  try {
    return adminJson(await issuePartnerToken(context.db, slug, asked.actor, context.now), 201);
  } catch (error) {
    return partnerFailure(error);
  }
}

const minimumBody = z
  .object({
    sdk: sdkName,
    minVersion: z
      .string()
      .trim()
      .refine((value) => cleanVersion(value) !== null, "must be a semantic version such as 2.0.0")
      .transform((value) => cleanVersion(value) as string)
      .nullable(),
  })
  .strict();

/** `POST /api/admin/sdk-minimums`: an SDK's lowest mainnet-compatible version (null removes it), audited. */
export async function postSdkMinimum(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, minimumBody);
  if ("response" in asked) return asked.response;
  try {
    return adminJson({ ...(await setSdkMinimum(context.db, asked.data, asked.actor)), changed: true });
  } catch (error) {
    return partnerFailure(error);
  }
}

const checkBody = z.object({ network: z.enum(NETWORK_KEYS) }).strict();

/** `POST /api/admin/payer-check`: the network's PayerRegistry read now, not at the worker's next turn. */
export async function postPayerCheck(request: Request, context: AdminContext) {
  const asked = await authorised(request, context, checkBody);
  if ("response" in asked) return asked.response;
  const refused = uncollected(context, asked.data.network);
  if (refused) return refused;
  try {
    const summary = await runPayerCheckJob(context.db, context.env, {
      network: asked.data.network,
      trigger: "console",
    });
    return adminJson({ ...summary, changed: false });
  } catch (error) {
    // The chain did not answer: not the request's fault, and said as the run recorded it.
    return adminError(502, "chain_unreachable", error instanceof Error ? error.message : String(error));
  }
}
