import { createSiweMessage } from "viem/siwe";
import { issueNonce } from "@/db/mutations/admin-auth";
import { DEMO_TEAM } from "@/server/demo/team";
import { type AdminContext, adminError, crossOriginRefusal, siteOf } from "./http";
import { openSession, SIGN_IN_STATEMENT, signInChain } from "./sign-in";

/**
 * `POST /api/admin/demo-session`, in demo mode only (404 elsewhere): the server signs a sign-in
 * message with the demo team member's key and opens the session through the same checks a wallet's
 * signature goes through.
 */
export async function postDemoSession(request: Request, context: AdminContext) {
  if (!context.env.DEMO_MODE)
    return adminError(404, "not_found", "there is no demo sign-in outside demo mode");
  const refused = crossOriginRefusal(request);
  if (refused) return refused;
  const site = siteOf(request);
  const { domain, origin } = site;
  const { nonce } = await issueNonce(context.db, context.now);
  const message = createSiweMessage({
    address: DEMO_TEAM.address,
    domain,
    uri: origin,
    chainId: signInChain(context.env).chainId,
    nonce,
    version: "1",
    issuedAt: context.now,
    statement: SIGN_IN_STATEMENT,
  });
  const signature = await DEMO_TEAM.signMessage({ message });
  return openSession(context, site, { message, signature });
}
