"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { INGEST_SCOPES } from "@/lib/auth/scopes";
import { formatUtc } from "@/lib/format";
import { postJson } from "./post-json";

type Token = {
  name: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};
const field = "rounded border border-line bg-surface px-2 py-1 text-sm";

/** Ingest tokens: created (the token shown this once), listed with their last use, revoked. */
export function TokensEditor({ tokens }: { tokens: Token[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const act = async (task: () => Promise<void>) => {
    try {
      await task();
      router.refresh();
    } catch (error) {
      setOutcome({ ok: false, text: `Not done: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  const create = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const target = event.currentTarget;
    void act(async () => {
      const made = await postJson<{ name: string; token: string }>("/api/admin/tokens", {
        name: String(form.get("name") ?? ""),
        scopes: form.getAll("scopes").map(String),
      });
      setCreated(made);
      setOutcome({ ok: true, text: `Created ${made.name}.` });
      target.reset();
    });
  };
  return (
    <section
      aria-labelledby="edit-tokens"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="edit-tokens" className="font-semibold">
        Ingest tokens
      </h2>
      <form aria-label="New ingest token" className="flex flex-wrap items-end gap-3" onSubmit={create}>
        <label className="flex flex-col gap-1 text-ink-muted text-xs">
          Name
          <input name="name" required maxLength={64} pattern="[a-z0-9][a-z0-9._-]*" className={field} />
        </label>
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="text-ink-muted text-xs">Scopes</legend>
          {INGEST_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-1">
              <input type="checkbox" name="scopes" value={scope} /> {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={`${field} font-medium`}>
          Create token
        </button>
      </form>
      {created ? (
        <p className="text-sm" data-testid="new-token">
          The token for <strong>{created.name}</strong>, shown this once (only its hash is kept):{" "}
          <code className="break-all">{created.token}</code>
        </p>
      ) : null}
      <p role="status" className={`text-xs ${outcome?.ok === false ? "text-status-down" : "text-ink-muted"}`}>
        {outcome?.text ?? ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">Every ingest token</caption>
          <thead>
            <tr className="text-ink-muted">
              <th scope="col" className="py-1 pr-3 font-medium">
                Name
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Scopes
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Created
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Last used
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                State
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.name} className="border-line border-t">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {token.name}
                </th>
                <td className="py-1 pr-3">{token.scopes.join(", ")}</td>
                <td className="whitespace-nowrap py-1 pr-3">{formatUtc(new Date(token.createdAt))}</td>
                <td className="whitespace-nowrap py-1 pr-3">
                  {token.lastUsedAt ? formatUtc(new Date(token.lastUsedAt)) : "never"}
                </td>
                <td className="py-1 pr-3">
                  {token.revokedAt ? (
                    `revoked ${formatUtc(new Date(token.revokedAt))}`
                  ) : (
                    <button
                      type="button"
                      className="text-accent underline underline-offset-2"
                      onClick={() =>
                        act(async () => {
                          await postJson("/api/admin/tokens/revoke", { name: token.name });
                          setOutcome({ ok: true, text: `Revoked ${token.name}: it no longer works.` });
                        })
                      }
                    >
                      Revoke {token.name}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
