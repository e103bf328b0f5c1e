import { formatFee } from "./amount";
import { meetsMinimum } from "./semver";
import { CHECK_TITLES, PARTNER_CHECKS, type PartnerCheckKey, type PayerEventKind } from "./vocabulary";

export type CheckStatus = "pass" | "fail" | "unknown";

/** One check of a partner's readiness: its verdict, what it rests on, and what is still missing. */
export type PartnerCheck<E = unknown> = {
  key: PartnerCheckKey;
  title: string;
  status: CheckStatus;
  /** The data behind it is older than it should be (a chain read that failed since). */
  stale: boolean;
  summary: string;
  missing: string[];
  /** Since when it has been true without a break (null unless it passes now). */
  since: Date | null;
  /** The newest evidence it held on (a read, a run); null when it never held, as far as is kept. */
  lastTrueAt: Date | null;
  evidence: E;
};

export type PayerRead = {
  address: string;
  balance: bigint;
  minimumDeposit: bigint;
  blockNumber: number;
  readAt: Date;
  fundedSince: Date | null;
  lastFundedAt: Date | null;
};

export type PayerEvidence = {
  address: string;
  read: (PayerRead & { funded: boolean; stale: boolean }) | null;
};

/** A Deposit or UsageSettled event of a payer, as stored. */
export type PayerEventRow = {
  address: string;
  kind: PayerEventKind;
  amount: bigint;
  payerReportId: string | null;
  blockNumber: number;
  blockTime: Date;
  txHash: string;
};

export type ChainSource = { lastOkAt: Date | null; failingSince: Date | null; lastError: string | null };

/**
 * Gateway funded: every payer the partner linked holds at least the PayerRegistry's minimum deposit
 * at the last read (a balance below zero is debt). A read older than `staleAfterMs` still counts,
 * flagged stale with the RPC's error when there is one.
 */
export function gatewayCheck({
  addresses,
  reads,
  source,
  now,
  staleAfterMs,
}: {
  addresses: string[];
  reads: PayerRead[];
  source: ChainSource | null;
  now: Date;
  staleAfterMs: number;
}): PartnerCheck<PayerEvidence[]> {
  const byAddress = new Map(reads.map((read) => [read.address.toLowerCase(), read]));
  const evidence = addresses.map((address): PayerEvidence => {
    const read = byAddress.get(address.toLowerCase());
    return {
      address,
      read: read
        ? {
            ...read,
            funded: read.balance >= read.minimumDeposit,
            stale: now.getTime() - read.readAt.getTime() > staleAfterMs,
          }
        : null,
    };
  });
  const base = { key: "gateway_funded" as const, title: CHECK_TITLES.gateway_funded, evidence };
  const stale = evidence.some((item) => item.read?.stale);
  const staleNote = stale && source?.lastError ? [`the last chain read failed: ${source.lastError}`] : [];
  if (addresses.length === 0)
    return {
      ...base,
      status: "unknown",
      stale: false,
      summary: "No gateway linked",
      missing: ["link a gateway: give the team the payer address your gateway pays from"],
      since: null,
      lastTrueAt: null,
    };
  const unread = evidence.filter((item) => !item.read);
  const short = evidence.filter((item) => item.read && !item.read.funded);
  const minimum = evidence.find((item) => item.read)?.read?.minimumDeposit;
  const missing = [
    ...short.map(
      (item) =>
        `deposit to ${item.address}: it holds ${formatFee(item.read?.balance ?? 0n)}, the minimum is ${formatFee(item.read?.minimumDeposit ?? 0n)}`,
    ),
    ...unread.map((item) => `${item.address} has not been read from the PayerRegistry yet`),
    ...staleNote,
  ];
  const funded = evidence.length - short.length - unread.length;
  const summary = `${funded} of ${evidence.length} ${evidence.length === 1 ? "payer" : "payers"} funded${minimum !== undefined ? ` (minimum ${formatFee(minimum)})` : ""}`;
  const status: CheckStatus = short.length > 0 ? "fail" : unread.length > 0 ? "unknown" : "pass";
  const newestRead = latest(evidence.map((item) => item.read?.readAt ?? null));
  return {
    ...base,
    status,
    stale,
    summary,
    missing,
    since: status === "pass" ? latest(evidence.map((item) => item.read?.fundedSince ?? null)) : null,
    // When all of several payers were last funded at once is not kept: only one payer's is known.
    lastTrueAt:
      status === "pass"
        ? newestRead
        : evidence.length === 1
          ? (evidence[0]?.read?.lastFundedAt ?? null)
          : null,
  };
}

export type PartnerRun = {
  runId: string;
  suite: string;
  sdk: string;
  sdkVersion: string;
  startedAt: Date;
  passed: number;
  failed: number;
  skipped: number;
  failedCases: string[];
};

const green = (run: PartnerRun) => run.failed === 0 && run.passed > 0;

/**
 * A runs-based check judged at each run in turn (newest first): true at run i when it holds for the
 * `size` runs ending there. `since` is the oldest run of the unbroken streak that reaches now;
 * `lastTrueAt` the newest run at which it held.
 */
function streak(
  runs: PartnerRun[],
  size: number,
  holds: (window: PartnerRun[]) => boolean,
  { whole = true }: { whole?: boolean } = {},
) {
  let since: Date | null = null;
  let lastTrueAt: Date | null = null;
  let unbroken = true;
  for (let index = 0; index < runs.length; index++) {
    const window = runs.slice(index, index + size);
    // `whole`: a window short of `size` runs (the oldest ones) cannot hold.
    const ok = (!whole || window.length === size) && holds(window);
    if (ok) lastTrueAt ??= runs[index]?.startedAt ?? null;
    if (unbroken && ok) since = runs[index]?.startedAt ?? null;
    if (!ok) unbroken = false;
    if (!unbroken && lastTrueAt) break;
  }
  return { since, lastTrueAt };
}

/** The team's minimum for an SDK: an own entry only, so a run naming "constructor" finds none. */
const minimumOf = (minimums: Record<string, string>, sdk: string): string | null =>
  Object.hasOwn(minimums, sdk) && typeof minimums[sdk] === "string" ? (minimums[sdk] as string) : null;

const newestFirst = (runs: PartnerRun[]) =>
  [...runs].sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime());

/** Integration passing: the partner's last `required` runs all green (none failed, some passed). */
export function integrationCheck({
  runs,
  required,
}: {
  runs: PartnerRun[];
  required: number;
}): PartnerCheck<{ required: number; runs: PartnerRun[] }> {
  const ordered = newestFirst(runs);
  const window = ordered.slice(0, required);
  const red = window.filter((run) => !green(run));
  const base = {
    key: "integration_passing" as const,
    title: CHECK_TITLES.integration_passing,
    stale: false,
    evidence: { required, runs: window },
  };
  const { since, lastTrueAt } = streak(ordered, required, (part) => part.every(green));
  const status: CheckStatus = red.length > 0 ? "fail" : window.length < required ? "unknown" : "pass";
  const missing = [
    ...red.map((run) => {
      const cases = run.failedCases.slice(0, 3).join(", ");
      return run.failed > 0
        ? `run ${run.runId} failed ${run.failed} ${run.failed === 1 ? "test" : "tests"}${cases ? `: ${cases}` : ""}`
        : `run ${run.runId} passed no tests`;
    }),
    ...(window.length < required
      ? [
          `post ${required - window.length} more ${required - window.length === 1 ? "run" : "runs"} (${window.length} of ${required})`,
        ]
      : []),
  ];
  return {
    ...base,
    status,
    summary: `${window.length - red.length} of the last ${required} runs passed${window.length < required ? ` (${window.length} posted)` : ""}`,
    missing,
    since: status === "pass" ? since : null,
    lastTrueAt,
  };
}

export type SdkVersionEvidence = {
  sdk: string;
  version: string | null;
  minimum: string | null;
  ok: boolean;
  runId: string | null;
};

/**
 * SDK ready: every SDK version the partner's last `required` runs report is at least the team's
 * minimum for that SDK, and every SDK the partner says it uses is reported by one of them.
 */
export function sdkCheck({
  runs,
  required,
  sdksInUse,
  minimums,
}: {
  runs: PartnerRun[];
  required: number;
  sdksInUse: string[];
  minimums: Record<string, string>;
}): PartnerCheck<SdkVersionEvidence[]> {
  const ordered = newestFirst(runs);
  const window = ordered.slice(0, required);
  const reported = new Map<string, SdkVersionEvidence>();
  // Each distinct version reported, with the newest run that reported it.
  for (const run of window) {
    const minimum = minimumOf(minimums, run.sdk);
    const ok = minimum !== null && meetsMinimum(run.sdkVersion, minimum);
    const seen = reported.get(`${run.sdk}@${run.sdkVersion}`);
    if (!seen)
      reported.set(`${run.sdk}@${run.sdkVersion}`, {
        sdk: run.sdk,
        version: run.sdkVersion,
        minimum,
        ok,
        runId: run.runId,
      });
  }
  const unreported = sdksInUse
    .filter((sdk) => !window.some((run) => run.sdk === sdk))
    .map(
      (sdk): SdkVersionEvidence => ({
        sdk,
        version: null,
        minimum: minimumOf(minimums, sdk),
        ok: false,
        runId: null,
      }),
    );
  const evidence = [...reported.values(), ...unreported];
  const below = evidence.filter((item) => item.version && item.minimum && !item.ok);
  const noMinimum = evidence.filter((item) => item.version && !item.minimum);
  const missing = [
    ...below.map(
      (item) => `move ${item.sdk} from ${item.version} to ${item.minimum} or later (run ${item.runId})`,
    ),
    ...noMinimum.map((item) => `the team has not set a mainnet-compatible version of ${item.sdk} yet`),
    ...unreported.map((item) => `post a run that reports the version of ${item.sdk}`),
  ];
  const status: CheckStatus =
    below.length > 0
      ? "fail"
      : window.length === 0 || noMinimum.length > 0 || unreported.length > 0
        ? "unknown"
        : "pass";
  // Judged at each run as it would have been then: its window of runs all meeting their minimums,
  // every SDK in use reported among them.
  const holds = (part: PartnerRun[]) =>
    part.length > 0 &&
    part.every((run) => {
      const minimum = minimumOf(minimums, run.sdk);
      return minimum !== null && meetsMinimum(run.sdkVersion, minimum);
    }) &&
    sdksInUse.every((sdk) => part.some((run) => run.sdk === sdk));
  const { since, lastTrueAt } = streak(ordered, required, holds, { whole: false });
  const versions = [...reported.values()].map((item) => `${item.sdk} ${item.version}`);
  return {
    key: "sdk_ready",
    title: CHECK_TITLES.sdk_ready,
    status,
    stale: false,
    summary: versions.length ? versions.join(", ") : "No run has reported an SDK version",
    missing,
    since: status === "pass" ? since : null,
    lastTrueAt,
    evidence,
  };
}

export type NetworkReadinessInput = {
  ready: boolean;
  targetsMet: number;
  targetsTotal: number;
  targets: { key: string; title: string; met: boolean; metSince: Date | null; stage?: number }[];
  stillOpen: { title: string; stage?: number; type?: "criterion" | "milestone" }[];
  /** The stage's milestones, done or not (known once cut to a stage). */
  milestonesTotal?: number;
};

/** The readiness model cut to one stage's targets and open items (all of them without a stage). */
export function readinessOfStage(
  readiness: NetworkReadinessInput,
  stage: { number: number; milestones: number } | null,
): NetworkReadinessInput {
  if (stage === null) return readiness;
  const targets = readiness.targets.filter((target) => target.stage === stage.number);
  const met = targets.filter((target) => target.met).length;
  const stillOpen = readiness.stillOpen.filter((item) => item.stage === stage.number);
  return {
    // Nothing of the stage still open: its targets met and its milestones done (a stage of
    // milestones only, such as the migration's, is ready once they are all done).
    ready: targets.length + stage.milestones > 0 && met === targets.length && stillOpen.length === 0,
    targetsMet: met,
    targetsTotal: targets.length,
    milestonesTotal: stage.milestones,
    targets,
    stillOpen,
  };
}

/**
 * Network ready: nothing of the stage under way on the partner's network is still open, its targets met and
 * its milestones done (the read API's readiness model, cut to that stage); what is missing names each.
 */
export function networkCheck(
  readiness: NetworkReadinessInput,
  now: Date,
): PartnerCheck<NetworkReadinessInput> {
  const judged = readiness.targetsTotal + (readiness.milestonesTotal ?? 0);
  const status: CheckStatus = judged === 0 ? "unknown" : readiness.ready ? "pass" : "fail";
  const unmet = readiness.targetsTotal - readiness.targetsMet;
  const openMilestones = readiness.stillOpen.filter((item) => item.type === "milestone");
  return {
    key: "network_ready",
    title: CHECK_TITLES.network_ready,
    status,
    stale: false,
    summary:
      readiness.targetsTotal > 0
        ? `${readiness.targetsMet} of ${readiness.targetsTotal} targets of the stage under way met`
        : `${openMilestones.length} of the stage's ${readiness.milestonesTotal ?? 0} milestones still open`,
    missing: [
      ...(unmet > 0
        ? [
            `the network still has to meet ${unmet} of its ${readiness.targetsTotal} ${readiness.targetsTotal === 1 ? "target" : "targets"} (below)`,
          ]
        : []),
      ...openMilestones.map((item) => `the team has still to complete: ${item.title}`),
    ],
    since: status === "pass" ? latest(readiness.targets.map((target) => target.metSince)) : null,
    lastTrueAt: status === "pass" ? now : null,
    evidence: readiness,
  };
}

/** "3/4": the checks that pass, out of all four. */
export function score(checks: PartnerCheck[]) {
  const passed = checks.filter((check) => check.status === "pass").length;
  return { passed, total: PARTNER_CHECKS.length, ready: passed === PARTNER_CHECKS.length };
}

function latest(times: (Date | null)[]): Date | null {
  const known = times.filter((time): time is Date => time !== null);
  return known.length ? new Date(Math.max(...known.map((time) => time.getTime()))) : null;
}
