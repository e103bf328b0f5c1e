import { eq } from "drizzle-orm";
import { safeErrorMessage } from "@/lib/errors";
import type { JobTrigger } from "@/lib/job-runs";
import type { Db } from "../client";
import { jobRuns } from "../schema";

/** Records a job run around `run`: start, end, outcome and error. Rethrows the job's failure. */
export async function withJobRun<T extends Record<string, unknown>>(
  db: Db,
  { job, network, trigger }: { job: string; network?: string; trigger: JobTrigger },
  run: () => Promise<T>,
): Promise<T> {
  const [row] = await db.insert(jobRuns).values({ job, network, trigger }).returning({ id: jobRuns.id });
  const id = row?.id ?? 0;
  try {
    const summary = await run();
    await db
      .update(jobRuns)
      .set({ outcome: "ok", finishedAt: new Date(), summary })
      .where(eq(jobRuns.id, id));
    return summary;
  } catch (error) {
    const message = safeErrorMessage(error);
    await db
      .update(jobRuns)
      .set({ outcome: "failed", finishedAt: new Date(), error: message })
      .where(eq(jobRuns.id, id))
      .catch(() => {}); // the database itself may be what failed
    throw error;
  }
}
