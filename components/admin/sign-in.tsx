"use client";

import { useState } from "react";
import { getAddress, toHex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { postJson } from "./post-json";

type Eip1193 = { request(args: { method: string; params?: unknown[] }): Promise<unknown> };
type Nonce = { nonce: string; domain: string; uri: string; chainId: number; statement: string };

const button =
  "rounded border border-line bg-surface px-3 py-1.5 font-medium text-sm hover:bg-surface-muted disabled:opacity-60";

/** Signs an EIP-4361 message for this site with the browser's wallet (or, in the demo, the demo's key). */
export function SignIn({ demo }: { demo: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = (task: () => Promise<void>) => async () => {
    setBusy(true);
    setError(null);
    try {
      await task();
      window.location.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  };

  const withWallet = run(async () => {
    const ethereum = (window as { ethereum?: Eip1193 }).ethereum;
    if (!ethereum)
      throw new Error("No browser wallet found: install one, or open this page in a wallet's browser.");
    const [account] = (await ethereum.request({ method: "eth_requestAccounts" })) as string[];
    if (!account) throw new Error("The wallet shared no account.");
    const address = getAddress(account);
    const asked = await postJson<Nonce>("/api/admin/nonce", {});
    const message = createSiweMessage({
      address,
      domain: asked.domain,
      uri: asked.uri,
      chainId: asked.chainId,
      nonce: asked.nonce,
      version: "1",
      issuedAt: new Date(),
      statement: asked.statement,
    });
    const signature = await ethereum.request({ method: "personal_sign", params: [toHex(message), address] });
    await postJson("/api/admin/session", { message, signature });
  });

  const asDemo = run(async () => {
    await postJson("/api/admin/demo-session", {});
  });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        <button type="button" className={button} onClick={withWallet} disabled={busy}>
          Sign in with Ethereum
        </button>
        {demo ? (
          <button type="button" className={button} onClick={asDemo} disabled={busy}>
            Sign in as the demo team member
          </button>
        ) : null}
      </div>
      {busy ? <p className="text-ink-muted text-sm">Waiting for the signature…</p> : null}
      {error ? (
        <p role="alert" className="text-sm text-status-down">
          Not signed in: {error}
        </p>
      ) : null}
    </div>
  );
}

/** Ends the session on the server, then shows the sign-in again. */
export function SignOut() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className={button}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        await postJson("/api/admin/sign-out", {}).catch(() => {});
        window.location.reload();
      }}
    >
      Sign out
    </button>
  );
}
