"use client";

import type { Milestone, StageRow } from "@/lib/roadmap/rows";
import { MILESTONE_STATUSES, STAGE_STATUSES } from "@/lib/roadmap/vocabulary";
import { field, label, publicNow, useSave } from "./use-save";

const WORDS: Record<string, string> = {
  planned: "Planned",
  in_progress: "In progress",
  complete: "Complete",
  open: "Open",
  done: "Done",
  blocked: "Blocked",
};
const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim() || null;

function StageForm({ stage }: { stage: StageRow }) {
  const { save, busy, status } = useSave(`/api/admin/stages/${stage.number}`, { saved: publicNow });
  return (
    <form
      aria-label={`Stage ${stage.number}: ${stage.title}`}
      className="flex flex-col gap-2 border-line border-t py-3"
      onSubmit={(event) =>
        save(event, (form) => ({
          declaredStatus: form.get("declaredStatus"),
          targetDate: text(form, "targetDate"),
          note: text(form, "note"),
        }))
      }
    >
      <p className="font-medium text-sm">
        Stage {stage.number}: {stage.title}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Status
          <select name="declaredStatus" defaultValue={stage.declaredStatus} className={field}>
            {STAGE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {WORDS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Target date
          <input name="targetDate" defaultValue={stage.targetDate ?? ""} maxLength={40} className={field} />
        </label>
        <label className={`${label} min-w-48 flex-1`}>
          Note
          <input name="note" defaultValue={stage.note ?? ""} maxLength={2000} className={field} />
        </label>
        <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
          Save stage {stage.number}
        </button>
      </div>
      {status}
    </form>
  );
}

function MilestoneForm({ milestone }: { milestone: Milestone }) {
  const { save, busy, status } = useSave(`/api/admin/milestones/${milestone.key}`, { saved: publicNow });
  return (
    <form
      aria-label={milestone.title}
      className="flex flex-col gap-2 border-line border-t py-3"
      onSubmit={(event) =>
        save(event, (form) => ({
          status: form.get("status"),
          evidenceUrl: text(form, "evidenceUrl"),
          note: text(form, "note"),
        }))
      }
    >
      <p className="text-sm">{milestone.title}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Status
          <select name="status" defaultValue={milestone.status} className={field}>
            {MILESTONE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {WORDS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className={`${label} min-w-48 flex-1`}>
          Evidence URL
          <input
            name="evidenceUrl"
            type="url"
            defaultValue={milestone.evidenceUrl ?? ""}
            placeholder="https://"
            className={field}
          />
        </label>
        <label className={`${label} min-w-48 flex-1`}>
          Note
          <input name="note" defaultValue={milestone.note ?? ""} maxLength={2000} className={field} />
        </label>
        <button type="submit" disabled={busy} className={`${field} font-medium text-ink`}>
          Save
        </button>
      </div>
      {status}
    </form>
  );
}

/** Every stage's declared status and every milestone's, each saved on its own. */
export function RoadmapEditor({
  stages,
  milestones,
}: {
  stages: StageRow[];
  milestones: (Milestone & { stageNumber: number })[];
}) {
  return (
    <div className="flex flex-col gap-6">
      {stages.map((stage) => (
        <section
          key={stage.number}
          aria-labelledby={`edit-stage-${stage.number}`}
          className="rounded-lg border border-line bg-surface p-4"
        >
          <h2 id={`edit-stage-${stage.number}`} className="font-semibold">
            Stage {stage.number} · {stage.title}
          </h2>
          <StageForm stage={stage} />
          <h3 className="mt-2 font-medium text-ink-muted text-sm">Milestones</h3>
          {milestones
            .filter((milestone) => milestone.stageNumber === stage.number)
            .map((milestone) => (
              <MilestoneForm key={milestone.key} milestone={milestone} />
            ))}
        </section>
      ))}
    </div>
  );
}
