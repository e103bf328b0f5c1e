"use client";

import { formatTarget, formatUtc } from "@/lib/format";
import type { Comparator } from "@/lib/roadmap/vocabulary";
import { field, label, useSave } from "./use-save";

export type EditableCriterion = {
  key: string;
  /** What the evaluator reads: a latency target's operation key, which the map sends results to. */
  metric: string;
  stageNumber: number;
  kind: string;
  title: string;
  comparator: Comparator;
  target: number;
  unit: string;
  windowDays: number;
  minSamples: number;
  version: number;
};
export type OperationMap = {
  mappings: { pattern: string; metricKey: string; note: string | null }[];
  unmapped: { operation: string; results: number; lastSeen: Date }[];
};

const whole = (form: FormData, name: string) => Number(form.get(name));
const note = (form: FormData) => String(form.get("note") ?? "").trim() || null;

function CriterionForm({ criterion }: { criterion: EditableCriterion }) {
  const { save, busy, status } = useSave<{ changed: boolean; version: number }>(
    `/api/admin/criteria/${criterion.key}`,
    {
      saved: (answer) =>
        answer.changed ? `Saved as version ${answer.version}: judged again now.` : "Nothing changed.",
    },
  );
  return (
    <form
      aria-label={`Rule of ${criterion.title}`}
      className="flex flex-wrap items-end gap-3 border-line border-t py-3"
      onSubmit={(event) =>
        save(event, (form) => ({
          windowDays: whole(form, "windowDays"),
          minSamples: whole(form, "minSamples"),
        }))
      }
    >
      <div className="min-w-48 flex-1 text-sm">
        <p>{criterion.title}</p>
        <p className="text-ink-muted text-xs">
          Target {formatTarget(criterion.comparator, criterion.target, criterion.unit)} (published) · rule
          version {criterion.version}
        </p>
      </div>
      <label className={label}>
        Window (days)
        <input
          name="windowDays"
          type="number"
          min={1}
          max={90}
          required
          defaultValue={criterion.windowDays}
          className={`${field} w-24`}
        />
      </label>
      <label className={label}>
        Minimum samples
        <input
          name="minSamples"
          type="number"
          min={1}
          max={1_000_000}
          required
          defaultValue={criterion.minSamples}
          className={`${field} w-28`}
        />
      </label>
      <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
        Save rule
      </button>
      {status}
    </form>
  );
}

function TargetSelect({ keys, value }: { keys: EditableCriterion[]; value?: string }) {
  return (
    <label className={label}>
      Target
      <select name="metricKey" defaultValue={value} className={field}>
        {keys.map((criterion) => (
          <option key={criterion.key} value={criterion.metric}>
            {criterion.metric}
          </option>
        ))}
      </select>
    </label>
  );
}

const mapped = (answer: { changed: boolean; remapped?: number }) =>
  answer.changed
    ? `Saved: ${answer.remapped ?? 0} stored result${answer.remapped === 1 ? "" : "s"} mapped again, targets judged again.`
    : "Nothing changed.";

function MappingForm({
  mapping,
  keys,
}: {
  mapping: OperationMap["mappings"][number];
  keys: EditableCriterion[];
}) {
  const { save, busy, status } = useSave("/api/admin/operation-map", { saved: mapped });
  return (
    <form
      aria-label={`Mapping of ${mapping.pattern}`}
      className="flex flex-wrap items-end gap-3 border-line border-t py-3"
      onSubmit={(event) => {
        const remove = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "remove";
        save(event, (form) => ({
          pattern: mapping.pattern,
          metricKey: remove ? null : form.get("metricKey"),
          note: note(form),
        }));
      }}
    >
      <code className="min-w-40 text-sm">{mapping.pattern}</code>
      <TargetSelect keys={keys} value={mapping.metricKey} />
      <label className={`${label} min-w-40 flex-1`}>
        Note
        <input name="note" defaultValue={mapping.note ?? ""} maxLength={500} className={field} />
      </label>
      <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
        Save
      </button>
      <button type="submit" value="remove" disabled={busy} className={`${field} text-status-down`}>
        Remove
      </button>
      {status}
    </form>
  );
}

function NewMapping({ keys, unmapped }: { keys: EditableCriterion[]; unmapped: OperationMap["unmapped"] }) {
  const { save, busy, status } = useSave("/api/admin/operation-map", { saved: mapped, reset: true });
  return (
    <form
      aria-label="New mapping"
      className="flex flex-wrap items-end gap-3 border-line border-t py-3"
      onSubmit={(event) =>
        save(event, (form) => ({
          pattern: String(form.get("pattern") ?? "").trim(),
          metricKey: form.get("metricKey"),
          note: note(form),
        }))
      }
    >
      <label className={label}>
        QA operation ("newGroup-100", or "groupsync-*" for any size)
        <input name="pattern" required maxLength={120} list="unmapped-operations" className={field} />
        <datalist id="unmapped-operations">
          {unmapped.map((row) => (
            <option key={row.operation} value={row.operation} />
          ))}
        </datalist>
      </label>
      <TargetSelect keys={keys} />
      <label className={`${label} min-w-40 flex-1`}>
        Note
        <input name="note" maxLength={500} className={field} />
      </label>
      <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
        Add mapping
      </button>
      {status}
    </form>
  );
}

/** Each target's window and minimum samples (never its target), and the map from QA operations to targets. */
export function RulesEditor({
  criteria,
  operationMap,
}: {
  criteria: EditableCriterion[];
  operationMap: OperationMap;
}) {
  const latency = criteria.filter((criterion) => criterion.kind === "latency_p95");
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="edit-rules" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="edit-rules" className="font-semibold">
          Targets' rules
        </h2>
        <p className="text-ink-muted text-sm">
          How long a window each target is judged over, and how many samples it needs before it is judged at
          all. Targets are the published ones and cannot be changed here. Each change is a new version of the
          rule: earlier verdicts keep the version they were judged by.
        </p>
        {criteria.map((criterion) => (
          <CriterionForm key={criterion.key} criterion={criterion} />
        ))}
      </section>
      <section aria-labelledby="edit-operation-map" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="edit-operation-map" className="font-semibold">
          QA operation map
        </h2>
        <p className="text-ink-muted text-sm">
          Which latency target each QA test id counts towards. A change maps every stored result again, so the
          charts and verdicts take it at once.
        </p>
        {operationMap.mappings.map((mapping) => (
          <MappingForm key={mapping.pattern} mapping={mapping} keys={latency} />
        ))}
        <NewMapping keys={latency} unmapped={operationMap.unmapped} />
        <h3 className="mt-2 font-medium text-ink-muted text-sm">
          Stored results that count towards no target
        </h3>
        {operationMap.unmapped.length === 0 ? (
          <p className="text-ink-muted text-sm">None: every stored result's operation is mapped.</p>
        ) : (
          <ul className="text-sm" aria-label="Unmapped operations">
            {operationMap.unmapped.map((row) => (
              <li key={row.operation}>
                <code>{row.operation}</code>{" "}
                <span className="text-ink-muted">
                  · {row.results.toLocaleString("en-US")} result{row.results === 1 ? "" : "s"}, last{" "}
                  {formatUtc(row.lastSeen)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
