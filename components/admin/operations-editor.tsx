"use client";

import { INCIDENT_SEVERITIES, INCIDENT_STATUSES, type IncidentWithUpdates } from "@/lib/incidents";
import { field, label, useSave } from "./use-save";

const button = `${field} self-start font-medium text-ink`;

/** A `datetime-local` value read as UTC (the labels say so), as ISO 8601; empty is none. */
const utc = (value: FormDataEntryValue | null) => (value ? `${String(value)}:00Z` : null);
const optionalNode = (value: FormDataEntryValue | null) => (value ? Number(value) : null);
/** "100, 300" as [100, 300]; a word that is no number is sent as typed, for the server to name. */
const nodeList = (value: FormDataEntryValue | null) =>
  String(value ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? Number(word) : word));

function Where({ networks, many = false }: { networks: { key: string; name: string }[]; many?: boolean }) {
  return (
    <>
      <label className={label}>
        Network
        <select name="network" className={field}>
          {networks.map((network) => (
            <option key={network.key} value={network.key}>
              {network.name}
            </option>
          ))}
        </select>
      </label>
      {many ? (
        <label className={label}>
          Node ids, comma-separated (empty: every node)
          <input name="nodeIds" inputMode="numeric" placeholder="100, 300" className={`${field} w-48`} />
        </label>
      ) : (
        <label className={label}>
          Node id (empty: every node)
          <input name="nodeId" type="number" min={1} className={`${field} w-32`} />
        </label>
      )}
    </>
  );
}

function NewIncident({ networks }: { networks: { key: string; name: string }[] }) {
  const { save, busy, status } = useSave("/api/admin/incidents", {
    saved: () => "Posted: on the overview, the incidents page and its feed.",
    reset: true,
  });
  return (
    <form
      aria-label="New incident"
      className="flex flex-col gap-2"
      onSubmit={(event) =>
        save(event, (form) => ({
          network: form.get("network"),
          nodeIds: nodeList(form.get("nodeIds")),
          title: form.get("title"),
          severity: form.get("severity"),
          status: form.get("status"),
          startedAt: utc(form.get("startedAt")),
          body: form.get("body"),
        }))
      }
    >
      <div className="flex flex-wrap items-end gap-3">
        <Where networks={networks} many />
        <label className={label}>
          Severity
          <select name="severity" className={field}>
            {INCIDENT_SEVERITIES.map((severity) => (
              <option key={severity}>{severity}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Status
          <select name="status" className={field}>
            {INCIDENT_STATUSES.map((one) => (
              <option key={one}>{one}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Started (UTC)
          <input name="startedAt" type="datetime-local" required className={field} />
        </label>
      </div>
      <label className={label}>
        Title
        <input name="title" required maxLength={200} className={field} />
      </label>
      <label className={label}>
        What is happening (markdown)
        <textarea name="body" required rows={3} maxLength={20_000} className={field} />
      </label>
      <button type="submit" disabled={busy} className={button}>
        Post incident
      </button>
      {status}
    </form>
  );
}

function IncidentUpdate({ incident }: { incident: IncidentWithUpdates }) {
  const { save, busy, status } = useSave(`/api/admin/incidents/${incident.id}`, {
    saved: () => "Update posted.",
    reset: true,
  });
  return (
    <form
      aria-label={`Update: ${incident.title}`}
      className="flex flex-col gap-2 border-line border-t py-3"
      onSubmit={(event) =>
        save(event, (form) => ({
          status: form.get("status"),
          body: form.get("body"),
          resolvedAt: utc(form.get("resolvedAt")),
        }))
      }
    >
      <p className="text-sm">
        {incident.title} <span className="text-ink-muted text-xs">({incident.status})</span>
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Status
          <select name="status" defaultValue={incident.status} className={field}>
            {INCIDENT_STATUSES.map((one) => (
              <option key={one}>{one}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Resolved at (UTC, if resolved; empty: now)
          <input name="resolvedAt" type="datetime-local" className={field} />
        </label>
      </div>
      <label className={label}>
        Update (markdown)
        <textarea name="body" required rows={2} maxLength={20_000} className={field} />
      </label>
      <button type="submit" disabled={busy} className={button}>
        Post update
      </button>
      {status}
    </form>
  );
}

function NewMaintenance({ networks }: { networks: { key: string; name: string }[] }) {
  const { save, busy, status } = useSave("/api/admin/maintenance", {
    saved: () => "Announced: shown on the overview and day bars, left out of availability.",
    reset: true,
  });
  return (
    <form
      aria-label="New maintenance window"
      className="flex flex-col gap-2"
      onSubmit={(event) =>
        save(event, (form) => ({
          network: form.get("network"),
          nodeId: optionalNode(form.get("nodeId")),
          title: form.get("title"),
          startsAt: utc(form.get("startsAt")),
          endsAt: utc(form.get("endsAt")),
        }))
      }
    >
      <div className="flex flex-wrap items-end gap-3">
        <Where networks={networks} />
        <label className={label}>
          Starts (UTC)
          <input name="startsAt" type="datetime-local" required className={field} />
        </label>
        <label className={label}>
          Ends (UTC)
          <input name="endsAt" type="datetime-local" required className={field} />
        </label>
      </div>
      <label className={label}>
        Title
        <input name="title" required maxLength={200} className={field} />
      </label>
      <button type="submit" disabled={busy} className={button}>
        Announce maintenance
      </button>
      {status}
    </form>
  );
}

/** Incidents (new, and updates to open ones) and maintenance windows. */
export function OperationsEditor({
  networks,
  incidents,
}: {
  networks: { key: string; name: string }[];
  incidents: IncidentWithUpdates[];
}) {
  const section = "flex flex-col gap-3 rounded-lg border border-line bg-surface p-4";
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="edit-incidents" className={section}>
        <h2 id="edit-incidents" className="font-semibold">
          Incidents
        </h2>
        <NewIncident networks={networks} />
        {incidents.map((incident) => (
          <IncidentUpdate key={incident.id} incident={incident} />
        ))}
      </section>
      <section aria-labelledby="edit-maintenance" className={section}>
        <h2 id="edit-maintenance" className="font-semibold">
          Maintenance windows
        </h2>
        <NewMaintenance networks={networks} />
      </section>
    </div>
  );
}
