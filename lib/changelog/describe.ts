import { affectedText } from "@/lib/affected-nodes";

/** What one audit row says, in words: the page's and the feed's reading of it. */
export type ChangeRow = {
  id: number;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityKey: string;
  network: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** A change with the title of what it changed and the stage that shows it. */
export type ChangelogEntry = ChangeRow & { subjectTitle: string | null; stageNumber: number | null };

/** A field's value before (null when the change created the thing) and after. */
export type FieldChange = { field: string; before: string | null; after: string };

const FIELD_WORDS: Record<string, string> = {
  declaredStatus: "status",
  status: "status",
  targetDate: "target date",
  note: "note",
  evidenceUrl: "evidence",
  scopes: "scopes",
  operatorName: "operator",
  region: "region",
  country: "country",
  website: "website",
  update: "update",
  startedAt: "started",
  resolvedAt: "resolved",
  startsAt: "starts",
  endsAt: "ends",
  nodeId: "node",
  nodeIds: "nodes",
  severity: "severity",
  title: "title",
  windowDays: "window (days)",
  minSamples: "minimum samples",
  version: "rule version",
  metricKey: "target",
  appUrl: "app",
  payerAddresses: "payers",
  sdks: "SDKs",
  listed: "listed",
  requiredRuns: "runs that must pass",
  minVersion: "minimum version",
};

const STATUS_WORDS: Record<string, string> = {
  open: "open",
  in_progress: "in progress",
  done: "done",
  blocked: "blocked",
  planned: "planned",
  complete: "complete",
  investigating: "investigating",
  identified: "identified",
  monitoring: "monitoring",
  resolved: "resolved",
};

const TIME_FIELDS = new Set(["startedAt", "resolvedAt", "startsAt", "endsAt"]);
const timeText = (value: unknown) => {
  const at = new Date(String(value));
  return Number.isNaN(at.getTime())
    ? String(value)
    : `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
};

const valueText = (field: string, value: unknown) =>
  value === null || value === undefined || value === ""
    ? "none"
    : TIME_FIELDS.has(field)
      ? timeText(value)
      : field === "nodeIds" && Array.isArray(value)
        ? affectedText(value)
        : Array.isArray(value)
          ? value.join(", ")
          : field === "nodeId"
            ? `node ${value}`
            : field === "status" || field === "declaredStatus"
              ? (STATUS_WORDS[String(value)] ?? String(value))
              : String(value);

/** Each field the change touched, before and after, in the order it was stored. */
export function fieldChanges(row: Pick<ChangeRow, "before" | "after">): FieldChange[] {
  return Object.keys(row.after ?? {}).map((field) => ({
    field: FIELD_WORDS[field] ?? field,
    before: row.before === null ? null : valueText(field, row.before[field]),
    after: valueText(field, row.after?.[field]),
  }));
}

/** "Milestone s2-qa-suite marked done", "Stage 3 updated", "Incident opened: …": the change's headline. */
export function changeTitle(row: Pick<ChangeRow, "action" | "entityType" | "entityKey" | "after">): string {
  const title = typeof row.after?.title === "string" ? row.after.title : null;
  if (row.action === "incident.open") return `Incident opened: ${title ?? row.entityKey}`;
  if (row.action === "incident.update")
    return `Incident ${row.entityKey} updated: ${STATUS_WORDS[String(row.after?.status)] ?? row.after?.status}`;
  if (row.action === "maintenance.announce") return `Maintenance announced: ${title ?? row.entityKey}`;
  if (row.action === "token.create") return `Ingest token created: ${row.entityKey}`;
  if (row.action === "token.revoke") return `Ingest token revoked: ${row.entityKey}`;
  if (row.action === "operation.map")
    return `QA operation ${row.entityKey} mapped to ${row.after?.metricKey}`;
  if (row.action === "operation.update")
    return row.after?.metricKey === undefined
      ? `QA operation ${row.entityKey}: its note changed`
      : `QA operation ${row.entityKey} mapped to ${row.after.metricKey} instead`;
  if (row.action === "operation.unmap") return `QA operation ${row.entityKey} no longer mapped`;
  const unlisted = row.entityKey === "unlisted";
  if (row.action === "partner.create")
    return unlisted ? "An unlisted partner was added" : `Partner added: ${row.after?.name ?? row.entityKey}`;
  if (row.action === "partner.update")
    return unlisted ? "An unlisted partner was updated" : `Partner ${row.entityKey} updated`;
  if (row.action === "partner.token")
    return `Ingest token issued to ${unlisted ? "an unlisted partner" : `partner ${row.entityKey}`}`;
  if (row.action === "sdk.minimum")
    return row.after?.minVersion
      ? `Mainnet-compatible ${row.entityKey}: ${row.after.minVersion} or later`
      : `Mainnet-compatible ${row.entityKey}: minimum removed`;
  if (row.action === "criterion.target")
    return `Target ${row.entityKey} changed by the published roadmap (version ${row.after?.version})`;
  if (row.action === "criterion.update")
    return `Target ${row.entityKey}'s rule changed (version ${row.after?.version})`;
  const subject =
    row.entityType === "stage" ? `Stage ${row.entityKey}` : `${capital(row.entityType)} ${row.entityKey}`;
  const status = row.after?.status ?? row.after?.declaredStatus;
  return typeof status === "string"
    ? `${subject} marked ${STATUS_WORDS[status] ?? status}`
    : `${subject} updated`;
}

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Where the changed thing is shown on the dashboard. */
export function changeHref(
  row: Pick<ChangeRow, "entityType" | "entityKey"> & { stageNumber?: number | null; network?: string | null },
) {
  if (row.entityType === "node")
    return `/nodes/${row.entityKey}${row.network ? `?network=${row.network}` : ""}`;
  if (row.entityType === "stage") return `/stages/${row.entityKey}`;
  if (row.entityType === "milestone" && row.stageNumber) return `/stages/${row.stageNumber}`;
  if (row.entityType === "incident") return `/incidents#incident-${row.entityKey}`;
  if (row.entityType === "criterion") return `/targets/${row.entityKey}`;
  if (row.entityType === "partner" && row.entityKey !== "unlisted") return `/partners/${row.entityKey}`;
  return null;
}
