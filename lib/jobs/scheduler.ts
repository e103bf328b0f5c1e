export type ScheduledJob = { name: string; intervalMs: number; run: () => Promise<unknown> };

export type Scheduler = { stop: () => void };

export type SchedulerOptions = {
  log?: (line: string) => void;
  /** Asked before each run: false when another instance has this job's turn, so it is skipped. */
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
      try {
        if (!claim || (await claim(job))) await job.run();
      } catch (error) {
        log(`[worker] ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
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
