export type ScheduledJob = { name: string; intervalMs: number; run: () => Promise<unknown> };

export type Scheduler = { stop: () => void };

/**
 * Runs each job now and then every interval; a job never overlaps itself, and a failing job
 * is logged and tried again at its next tick without affecting the others.
 */
export function startScheduler(jobs: ScheduledJob[], log: (line: string) => void = console.log): Scheduler {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const tick = async () => {
      if (running) return;
      running = true;
      try {
        await job.run();
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
