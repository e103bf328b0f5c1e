"use client";

import { useState } from "react";
import { formatUtc } from "@/lib/format";
import { postJson } from "./post-json";
import { field, label, useSave } from "./use-save";

export type EditablePartner = {
  slug: string;
  name: string;
  appUrl: string | null;
  network: string;
  payerAddresses: string[];
  sdks: string[];
  listed: boolean;
  contact: string | null;
  notes: string | null;
  requiredRuns: number;
  link: string;
  token: { name: string; createdAt: Date; lastUsedAt: Date | null } | null;
};

const lines = (form: FormData, name: string) =>
  String(form.get(name) ?? "")
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter(Boolean);
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

const partnerBody = (form: FormData) => ({
  slug: text(form, "slug"),
  name: text(form, "name"),
  appUrl: text(form, "appUrl") || null,
  network: text(form, "network"),
  payerAddresses: lines(form, "payerAddresses"),
  sdks: lines(form, "sdks"),
  listed: form.get("listed") === "on",
  contact: text(form, "contact") || null,
  notes: text(form, "notes") || null,
  requiredRuns: Number(form.get("requiredRuns")),
});

function PartnerFields({
  partner,
  networks,
}: {
  partner?: EditablePartner;
  networks: { key: string; name: string }[];
}) {
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className={label}>
        Name
        <input name="name" required maxLength={100} defaultValue={partner?.name} className={field} />
      </label>
      <label className={label}>
        Slug (its URL)
        <input
          name="slug"
          required
          maxLength={40}
          pattern="[a-z0-9]([a-z0-9-]*[a-z0-9])?"
          defaultValue={partner?.slug}
          className={field}
        />
      </label>
      <label className={label}>
        App URL
        <input name="appUrl" type="url" defaultValue={partner?.appUrl ?? ""} className={field} />
      </label>
      <label className={label}>
        Network
        <select name="network" defaultValue={partner?.network ?? networks[0]?.key} className={field}>
          {networks.map((network) => (
            <option key={network.key} value={network.key}>
              {network.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Payer (gateway) addresses, one a line
        <textarea
          name="payerAddresses"
          rows={2}
          defaultValue={partner?.payerAddresses.join("\n")}
          className={`${field} font-mono`}
        />
      </label>
      <label className={label}>
        SDKs in use (package names)
        <input
          name="sdks"
          defaultValue={partner?.sdks.join(", ")}
          placeholder="xmtp-js, xmtp-ios"
          className={field}
        />
      </label>
      <label className={label}>
        Runs that must all pass
        <input
          name="requiredRuns"
          type="number"
          min={1}
          max={50}
          required
          defaultValue={partner?.requiredRuns ?? 5}
          className={`${field} w-24`}
        />
      </label>
      <label className="flex items-center gap-2 self-end text-sm">
        <input name="listed" type="checkbox" defaultChecked={partner?.listed ?? true} />
        Listed publicly (else only its link shows it)
      </label>
      <label className={label}>
        Contact (team only, never shown)
        <input name="contact" maxLength={500} defaultValue={partner?.contact ?? ""} className={field} />
      </label>
      <label className={label}>
        Notes (team only, never shown)
        <input name="notes" maxLength={2000} defaultValue={partner?.notes ?? ""} className={field} />
      </label>
    </div>
  );
}

function PartnerForm({
  partner,
  networks,
}: {
  partner: EditablePartner;
  networks: { key: string; name: string }[];
}) {
  const { save, busy, status } = useSave(`/api/admin/partners/${partner.slug}`, {
    saved: () => "Saved: the partner's page shows it now.",
  });
  const [token, setToken] = useState<string | null>(null);
  const [tokenError, setTokenError] = useState<string | null>(null);
  const issue = async () => {
    setTokenError(null);
    try {
      setToken((await postJson<{ token: string }>(`/api/admin/partners/${partner.slug}/token`, {})).token);
    } catch (error) {
      setTokenError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <details className="border-line border-t py-3" data-testid={`edit-partner-${partner.slug}`}>
      <summary className="cursor-pointer text-sm">
        <span className="font-medium">{partner.name}</span>{" "}
        <span className="text-ink-muted">
          · {partner.network} · {partner.listed ? "listed" : "unlisted"}
        </span>
      </summary>
      <p className="mt-2 break-all text-xs">
        Link:{" "}
        <a href={partner.link} className="text-accent underline underline-offset-2">
          {partner.link}
        </a>
      </p>
      <form
        aria-label={`Partner ${partner.name}`}
        className="mt-3 flex flex-col gap-3"
        onSubmit={(event) => {
          const newLink = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "new-link";
          void save(event, (form) => ({ ...partnerBody(form), ...(newLink ? { newLink: true } : {}) }));
        }}
      >
        <PartnerFields partner={partner} networks={networks} />
        <div className="flex flex-wrap gap-3">
          <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
            Save partner
          </button>
          <button type="submit" value="new-link" disabled={busy} className={`${field} text-ink`}>
            Save with a new link (the old one stops working)
          </button>
        </div>
        {status}
      </form>
      <div className="mt-3 flex flex-col gap-2 text-sm">
        <p className="text-ink-muted text-xs">
          {partner.token
            ? `Ingest token ${partner.token.name}, issued ${formatUtc(partner.token.createdAt)}, ${partner.token.lastUsedAt ? `last used ${formatUtc(partner.token.lastUsedAt)}` : "not used yet"}.`
            : "No ingest token yet."}{" "}
          It posts this partner's runs to /api/ingest/partner-runs and nothing else.
        </p>
        <button type="button" onClick={issue} className={`${field} self-start text-ink`}>
          {partner.token ? "Issue a new token (the old one stops working)" : "Issue a token"}
        </button>
        {token ? (
          <p role="status" className="break-all text-xs">
            Give this to the partner now; it is not shown again:{" "}
            <code data-testid="partner-token">{token}</code>
          </p>
        ) : null}
        {tokenError ? (
          <p role="status" className="text-status-down text-xs">
            Not issued: {tokenError}
          </p>
        ) : null}
      </div>
    </details>
  );
}

function NewPartner({ networks }: { networks: { key: string; name: string }[] }) {
  const { save, busy, status } = useSave<{ link: string; changed?: boolean }>("/api/admin/partners", {
    saved: (answer) => `Added: ${answer.link}`,
    reset: true,
  });
  return (
    <details className="border-line border-t py-3">
      <summary className="cursor-pointer font-medium text-sm">Add a partner</summary>
      <form
        aria-label="New partner"
        className="mt-3 flex flex-col gap-3"
        onSubmit={(event) => save(event, partnerBody)}
      >
        <PartnerFields networks={networks} />
        <button type="submit" disabled={busy} className={`${field} self-start font-medium text-ink`}>
          Add partner
        </button>
        {status}
      </form>
    </details>
  );
}

function MinimumForm({ minimum }: { minimum?: { sdk: string; minVersion: string } }) {
  const { save, busy, status } = useSave("/api/admin/sdk-minimums", {
    saved: () => "Saved: every partner's SDK check reads it now.",
    reset: !minimum,
  });
  return (
    <form
      aria-label={minimum ? `Minimum of ${minimum.sdk}` : "New SDK minimum"}
      className="flex flex-wrap items-end gap-3 border-line border-t py-3"
      onSubmit={(event) => {
        const remove = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "remove";
        void save(event, (form) => ({
          sdk: text(form, "sdk"),
          minVersion: remove ? null : text(form, "minVersion"),
        }));
      }}
    >
      <label className={label}>
        SDK
        <input
          name="sdk"
          required
          defaultValue={minimum?.sdk}
          readOnly={Boolean(minimum)}
          className={field}
        />
      </label>
      <label className={label}>
        Lowest mainnet-compatible version
        <input
          name="minVersion"
          required
          defaultValue={minimum?.minVersion}
          placeholder="2.0.0"
          className={field}
        />
      </label>
      <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
        {minimum ? "Save" : "Add minimum"}
      </button>
      {minimum ? (
        <button type="submit" value="remove" disabled={busy} formNoValidate className={`${field} text-ink`}>
          Remove
        </button>
      ) : null}
      {status}
    </form>
  );
}

function ChainCheck({ network }: { network: { key: string; name: string } }) {
  const { save, busy, status } = useSave<{ payers: number; funded: number; changed?: boolean }>(
    "/api/admin/payer-check",
    {
      saved: (answer) =>
        answer.payers === 0
          ? "No partner of this network has a payer to read."
          : `Read: ${answer.funded} of ${answer.payers} payers funded.`,
    },
  );
  return (
    <form
      aria-label={`Read ${network.name}'s PayerRegistry`}
      className="flex flex-wrap items-center gap-3"
      onSubmit={(event) => save(event, () => ({ network: network.key }))}
    >
      <button type="submit" disabled={busy} className={`${field} text-ink`}>
        Read {network.name}'s PayerRegistry now
      </button>
      {status}
    </form>
  );
}

/** Partners: who they are, their link and token; SDK minimums; the chain read on demand. */
export function PartnersEditor({
  partners,
  minimums,
  networks,
}: {
  partners: EditablePartner[];
  minimums: { sdk: string; minVersion: string }[];
  networks: { key: string; name: string }[];
}) {
  return (
    <section
      aria-labelledby="edit-partners"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <h2 id="edit-partners" className="font-semibold">
        Partners
      </h2>
      <p className="text-ink-muted text-xs">
        Apps preparing their migration. Their checks are read from the chain and from the runs they post with
        their own token; the worker reads each PayerRegistry every 5 minutes.
      </p>
      {partners.length === 0 ? <p className="text-sm">No partner yet.</p> : null}
      {partners.map((partner) => (
        <PartnerForm key={partner.slug} partner={partner} networks={networks} />
      ))}
      <NewPartner networks={networks} />
      <h3 className="mt-2 font-medium text-sm">Mainnet-compatible SDK versions</h3>
      {minimums.map((minimum) => (
        <MinimumForm key={minimum.sdk} minimum={minimum} />
      ))}
      <MinimumForm />
      <div className="flex flex-col gap-2 border-line border-t pt-3">
        {networks.map((network) => (
          <ChainCheck key={network.key} network={network} />
        ))}
      </div>
    </section>
  );
}
