import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { CountdownCard } from "@/components/roadmap/countdown-card";
import { CriteriaTable } from "@/components/roadmap/criteria-table";
import { MilestoneList } from "@/components/roadmap/milestone-list";
import { StageStatusLines } from "@/components/roadmap/stage-stepper";
import { Card } from "@/components/ui/card";
import { getAppDb } from "@/db/app";
import { stageReadinessDetails } from "@/db/queries/criteria";
import { getMilestones, getRoadmapOverview } from "@/db/queries/roadmap";
import { criterionNotes } from "@/server/roadmap/notes";

type Props = { params: Promise<{ n: string }> };

const stageParam = z.coerce.number().int().min(1).max(99);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Stage ${(await params).n}` };
}

export default async function StagePage({ params }: Props) {
  const parsed = stageParam.safeParse((await params).n);
  if (!parsed.success) notFound();
  const db = await getAppDb();
  const { stages, criteria } = await getRoadmapOverview(db);
  const stage = stages.find((row) => row.number === parsed.data);
  if (!stage) notFound();
  const stageCriteria = criteria.filter((criterion) => criterion.stageNumber === stage.number);
  const [milestones, details, notes] = await Promise.all([
    getMilestones(db, { stageNumber: stage.number }),
    stageReadinessDetails(db, { now: new Date() }),
    criterionNotes(db, stageCriteria),
  ]);
  const countdown = details.find((row) => row.number === stage.number)?.countdown ?? null;
  const missing = stageCriteria.filter((criterion) => criterion.status !== "pass");
  const openMilestones = milestones.filter((milestone) => milestone.status !== "done");

  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-ink-muted text-sm">
          Stage {stage.number} · {stage.targetDate} · judged on {stage.networkName}
        </p>
        <h1 className="font-semibold text-2xl">{stage.title}</h1>
        <p className="mt-1 max-w-3xl text-ink-muted">{stage.summary}</p>
        <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <StageStatusLines stage={stage} />
        </p>
        {stage.note ? (
          <p className="mt-2 max-w-3xl break-words text-sm" data-testid="stage-note">
            <span className="text-ink-muted">The team's note: </span>
            {stage.note}
          </p>
        ) : null}
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          {stageCriteria.length > 0 ? (
            <Card title="Targets" id="stage-targets">
              <CriteriaTable
                criteria={stageCriteria}
                caption={`Targets of stage ${stage.number}`}
                notes={notes.detail}
              />
            </Card>
          ) : null}
          <Card title="Milestones" id="stage-milestones">
            <MilestoneList milestones={milestones} />
          </Card>
        </div>
        <div className="flex flex-col gap-6">
          {stage.countdownDays ? (
            <CountdownCard
              days={stage.countdownDays}
              countdown={countdown}
              previousStage={stage.number - 1}
            />
          ) : null}
          <Card title="What is still missing" id="stage-missing">
            {missing.length === 0 && openMilestones.length === 0 ? (
              <p className="text-sm">Nothing: every target is met and every milestone is done.</p>
            ) : (
              <ul className="flex list-disc flex-col gap-1 pl-4 text-sm">
                {missing.map((criterion) => (
                  <li key={criterion.key}>
                    {criterion.title}: {notes.text[criterion.key]}
                  </li>
                ))}
                {openMilestones.map((milestone) => (
                  <li key={milestone.key}>{milestone.title}</li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
