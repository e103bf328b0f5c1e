import { type Hex, verifyMessage } from "viem";
import { z } from "zod";
import { consumeNonce, createSession, issueNonce, revokeSession } from "@/db/mutations/admin-auth";
import { checkSiweMessage, isAdminAddress } from "@/lib/auth/siwe";
import { createRegistryClient } from "@/lib/chain/client";
import { networkPreset } from "@/lib/chain/networks";
import type { Env } from "@/lib/env";
import {
  type AdminContext,
  adminError,
  adminJson,
  cookieOf,
  crossOriginRefusal,
  readAdminBody,
  SESSION_COOKIE,
  sessionCookie,
  siteOf,
} from "./http";

/** What the wallet shows the team member above the message's fields. */
export const SIGN_IN_STATEMENT = "Sign in to the XMTP decentralization dashboard's team console.";

/** The chain sign-in messages name: the settlement chain of the dashboard's default network. */
export const signInChain = (env: Env) => networkPreset(env, env.defaultNetwork);

/** `POST /api/admin/nonce`: a single-use nonce and what the message must name. */
export async function postNonce(request: Request, { db, env, now }: AdminContext) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const { nonce, expiresAt } = await issueNonce(db, now);
  const { domain, origin } = siteOf(request);
  return adminJson(
    {
      nonce,
      expiresAt,
      domain,
      uri: origin,
      chainId: signInChain(env).chainId,
      statement: SIGN_IN_STATEMENT,
    },
    201,
  );
}

const signInBody = z.object({
  message: z.string().min(1).max(4000),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, "must be a 0x-prefixed hex signature"),
});

/**
 * Whether `address` signed `message`: an ordinary account by recovery, here; a smart account
 * (ERC-1271, or ERC-6492 before it is deployed) through the chain's RPC, when there is one.
 */
async function signedBy(env: Env, address: Hex, message: string, signature: Hex): Promise<boolean> {
  if (await verifyMessage({ address, message, signature }).catch(() => false)) return true;
  const preset = signInChain(env);
  if (!preset.rpcUrl) return false;
  const client = createRegistryClient(preset, { rpcUrl: preset.rpcUrl, timeoutMs: env.RPC_TIMEOUT_MS });
  return client.verifyMessage({ address, message, signature }).catch(() => false);
}

/**
 * `POST /api/admin/session`: a signed EIP-4361 message for this site, this chain and a fresh
 * nonce (used up here, whatever follows) from an address in ADMIN_ADDRESSES opens a 12-hour session.
 */
export async function postSession(request: Request, { db, env, now }: AdminContext) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const body = await readAdminBody(request, signInBody);
  if ("response" in body) return body.response;
  return openSession({ db, env, now }, siteOf(request), body.data);
}

/** The checks of a signed message, in order (message, nonce, signature, team), then the session. */
export async function openSession(
  { db, env, now }: AdminContext,
  site: { domain: string; origin: string },
  { message, signature }: { message: string; signature: string },
) {
  const checked = checkSiweMessage(message, { ...site, chainId: signInChain(env).chainId, now });
  if (!checked.ok) return adminError(401, "invalid_message", checked.error);
  if (!(await consumeNonce(db, checked.nonce, now)))
    return adminError(
      401,
      "invalid_nonce",
      "the nonce is unknown, used already or expired: ask for a new one",
    );
  if (!(await signedBy(env, checked.address, message, signature as Hex)))
    return adminError(401, "invalid_signature", `the signature is not ${checked.address}'s`);
  if (!isAdminAddress(checked.address, env.ADMIN_ADDRESSES))
    return adminError(403, "not_admin", `${checked.address} is not one of the team's addresses`);
  const session = await createSession(db, checked.address, now);
  return adminJson({ address: checked.address, expiresAt: session.expiresAt }, 201, {
    "set-cookie": sessionCookie(site.domain, session.cookie, session.expiresAt),
  });
}

/** `POST /api/admin/sign-out`: the session ends here, not only in this browser. */
export async function postSignOut(request: Request, { db, now }: AdminContext) {
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const cookie = cookieOf(request, SESSION_COOKIE);
  if (cookie) await revokeSession(db, cookie, now);
  return adminJson({ signedOut: true }, 200, {
    "set-cookie": sessionCookie(siteOf(request).domain, "", null),
  });
}
