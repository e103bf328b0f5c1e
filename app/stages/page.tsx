import type { Metadata } from "next";
import { StageStepper } from "@/components/roadmap/stage-stepper";
import { getAppDb } from "@/db/app";
import { getRoadmapOverview } from "@/db/queries/roadmap";

export const metadata: Metadata = { title: "Stages" };
export const dynamic = "force-dynamic";

export default async function StagesPage() {
  const { stages } = await getRoadmapOverview(await getAppDb());
  return (
    <div className="flex flex-col gap-4">
      <h1 className="font-semibold text-2xl">Roadmap stages</h1>
      <p className="max-w-3xl text-ink-muted">
        Stages 1 and 2 are judged on testnet, stages 3 and 4 on mainnet. Each shows the team's declared status
        beside what the measurements say.
      </p>
      <StageStepper stages={stages} />
    </div>
  );
}
