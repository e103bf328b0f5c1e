import type { LocalAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import type { AdminContext } from "@/server/admin/http";
import { postNonce, postSession } from "@/server/admin/sign-in";

export const SITE = "http://dashboard.test";

/** A same-origin JSON POST to the console's API, with a session cookie when given. */
export const adminPost = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE, ...headers },
    body: JSON.stringify(body),
  });

/** Signs `account` in through the real nonce and session endpoints; the session's cookie header. */
export async function signInAs(account: LocalAccount, context: AdminContext): Promise<string> {
  const { nonce, chainId } = await (await postNonce(adminPost("/api/admin/nonce", {}), context)).json();
  const message = createSiweMessage({
    address: account.address,
    domain: new URL(SITE).host,
    uri: SITE,
    chainId,
    version: "1",
    nonce,
    issuedAt: context.now,
  });
  const signed = await postSession(
    adminPost("/api/admin/session", { message, signature: await account.signMessage({ message }) }),
    context,
  );
  if (signed.status !== 201) throw new Error(`sign-in failed: ${signed.status} ${await signed.text()}`);
  return (signed.headers.get("set-cookie") ?? "").split(";")[0] as string;
}
