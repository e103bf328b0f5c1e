import { safeErrorMessage } from "@/lib/errors";

export type ScheduledJob = { name: string; intervalMs: number; run: () => Promise<unknown> };

export type Scheduler = { stop: () => void };

export type SchedulerOptions = {
  log?: (line: string) => void;
  /** Asked before each run (and again while it runs): false when another instance has this job's turn. */
  claim?: (job: ScheduledJob) => Promise<boolean>;
};

/**
 * Runs each job now and then every interval; a job never overlaps itself, and a failing job
 * is logged and tried again at its next tick without affecting the others.
 */
export function startScheduler(
  jobs: ScheduledJob[],
  { log = console.log, claim }: SchedulerOptions = {},
): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      let renewal: NodeJS.Timeout | undefined;
      try {
        if (claim && !(await claim(job))) return;
        // A run longer than its turn keeps claiming it, so no other instance starts the same job.
        if (claim) renewal = setInterval(() => void claim(job).catch(() => {}), job.intervalMs / 3);
        await job.run();
      } catch (error) {
        log(`[worker] ${job.name} failed: ${safeErrorMessage(error)}`);
      } finally {
        clearInterval(renewal);
        running = false;
      }
    };
    void tick();
    const timer = setInterval(tick, job.intervalMs);
    timer.unref();
    timers.push(timer);
  }
  return { stop: () => timers.forEach(clearInterval) };
}
