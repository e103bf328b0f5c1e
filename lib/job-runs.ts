/** What started a collector's run, and how it ended: recorded per run in `job_runs`. */
export const JOB_TRIGGERS = ["worker", "cli", "cron", "console"] as const;
export type JobTrigger = (typeof JOB_TRIGGERS)[number];

export const JOB_OUTCOMES = ["running", "ok", "failed"] as const;
export type JobOutcome = (typeof JOB_OUTCOMES)[number];
