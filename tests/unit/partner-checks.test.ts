import { describe, expect, it } from "vitest";
import { formatFee } from "@/lib/partners/amount";
import {
  gatewayCheck,
  integrationCheck,
  type NetworkReadinessInput,
  networkCheck,
  type PartnerRun,
  type PayerRead,
  score,
  sdkCheck,
} from "@/lib/partners/checks";
import { cleanVersion, meetsMinimum } from "@/lib/partners/semver";

const now = new Date("2026-12-01T12:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const USD = 1_000_000n;

const read = (address: string, balance: bigint, extra: Partial<PayerRead> = {}): PayerRead => ({
  address,
  balance,
  minimumDeposit: 10n * USD,
  blockNumber: 100,
  readAt: minutesAgo(1),
  fundedSince: balance >= 10n * USD ? minutesAgo(60) : null,
  lastFundedAt: balance >= 10n * USD ? minutesAgo(1) : null,
  ...extra,
});

const A = "0x00000000000000000000000000000000000000a1";
const B = "0x00000000000000000000000000000000000000b2";

describe("gateway funded", () => {
  const check = (addresses: string[], reads: PayerRead[], lastError: string | null = null) =>
    gatewayCheck({
      addresses,
      reads,
      source: { lastOkAt: minutesAgo(1), failingSince: lastError ? minutesAgo(30) : null, lastError },
      now,
      staleAfterMs: 15 * 60_000,
    });

  it("passes when every payer holds at least the minimum, since the latest of their funded times", () => {
    const result = check([A, B], [read(A, 10n * USD), read(B, 25n * USD, { fundedSince: minutesAgo(10) })]);
    expect(result.status).toBe("pass");
    expect(result.summary).toBe("2 of 2 payers funded (minimum 10.00 USDC)");
    expect(result.since).toEqual(minutesAgo(10));
    expect(result.missing).toEqual([]);
  });

  it("fails on a payer below the minimum, and on debt (a negative balance), naming what to deposit", () => {
    const result = check([A, B], [read(A, 10n * USD), read(B, -3_200_000n)]);
    expect(result.status).toBe("fail");
    expect(result.missing).toEqual([`deposit to ${B}: it holds −3.20 USDC, the minimum is 10.00 USDC`]);
    expect(result.since).toBeNull();
    expect(result.lastTrueAt).toBeNull(); // B was never funded
  });

  it("dates the last time it held only where that is known: one payer's last funded time", () => {
    const one = check([B], [read(B, 9n * USD, { lastFundedAt: minutesAgo(90) })]);
    expect(one).toMatchObject({ status: "fail", lastTrueAt: minutesAgo(90) });
    // Of several payers, when they were last all funded at once is not kept: no date rather than a wrong one.
    const several = check([A, B], [read(A, 12n * USD), read(B, 9n * USD, { lastFundedAt: minutesAgo(90) })]);
    expect(several).toMatchObject({ status: "fail", lastTrueAt: null });
    expect(check([A], [read(A, 12n * USD)]).lastTrueAt).toEqual(minutesAgo(1)); // passing: the last read
  });

  it("is unknown with no gateway linked, or a payer not read yet; matches addresses in any case", () => {
    expect(check([], []).status).toBe("unknown");
    expect(check([], []).missing[0]).toMatch(/link a gateway/);
    const unread = check([A, B], [read(A.toUpperCase().replace("0X", "0x"), 11n * USD)]);
    expect(unread.status).toBe("unknown");
    expect(unread.summary).toBe("1 of 2 payers funded (minimum 10.00 USDC)");
    expect(unread.missing).toEqual([`${B} has not been read from the PayerRegistry yet`]);
  });

  it("keeps an old read's verdict but flags it stale, with the RPC's error", () => {
    const result = check(
      [A],
      [read(A, 11n * USD, { readAt: minutesAgo(16) })],
      "connection refused (ECONNREFUSED)",
    );
    expect(result.status).toBe("pass");
    expect(result.stale).toBe(true);
    expect(result.missing).toEqual(["the last chain read failed: connection refused (ECONNREFUSED)"]);
    expect(check([A], [read(A, 11n * USD, { readAt: minutesAgo(14) })]).stale).toBe(false);
  });
});

const run = (minutes: number, extra: Partial<PartnerRun> = {}): PartnerRun => ({
  runId: `run-${minutes}`,
  suite: "e2e",
  sdk: "xmtp-js",
  sdkVersion: "2.1.0",
  startedAt: minutesAgo(minutes),
  passed: 10,
  failed: 0,
  skipped: 0,
  failedCases: [],
  ...extra,
});

describe("integration passing", () => {
  it("passes when the last N runs are all green, since the run that completed the streak", () => {
    const runs = [run(10), run(20), run(30), run(40), run(50, { failed: 1 }), run(60)];
    const result = integrationCheck({ runs, required: 3 });
    expect(result.status).toBe("pass");
    expect(result.summary).toBe("3 of the last 3 runs passed");
    // At run 30 the last three held the red run 50; from run 20 on they were all green.
    expect(result.since).toEqual(minutesAgo(20));
    expect(result.lastTrueAt).toEqual(minutesAgo(10));
  });

  it("fails on a red run among the last N, naming its failed cases, and dates when it last held", () => {
    const runs = [run(5, { failed: 2, failedCases: ["group sync", "dm send"] }), run(10), run(20), run(30)];
    const result = integrationCheck({ runs: runs.reverse(), required: 3 });
    expect(result.status).toBe("fail");
    expect(result.missing).toEqual(["run run-5 failed 2 tests: group sync, dm send"]);
    expect(result.since).toBeNull();
    expect(result.lastTrueAt).toEqual(minutesAgo(10));
  });

  it("counts a run that passed nothing as red, and is unknown while fewer than N runs are posted", () => {
    expect(integrationCheck({ runs: [run(1, { passed: 0 })], required: 1 }).missing).toEqual([
      "run run-1 passed no tests",
    ]);
    const few = integrationCheck({ runs: [run(1), run(2)], required: 5 });
    expect(few.status).toBe("unknown");
    expect(few.missing).toEqual(["post 3 more runs (2 of 5)"]);
    expect(few.lastTrueAt).toBeNull();
  });
});

describe("SDK ready", () => {
  const minimums = { "xmtp-js": "2.0.0", "xmtp-ios": "4.0.0" };

  it("passes when every version the recent runs report meets its SDK's minimum", () => {
    const result = sdkCheck({
      runs: [run(1), run(2, { sdk: "xmtp-ios", sdkVersion: "4.0.1" })],
      required: 5,
      sdksInUse: ["xmtp-js", "xmtp-ios"],
      minimums,
    });
    expect(result.status).toBe("pass");
    expect(result.summary).toBe("xmtp-js 2.1.0, xmtp-ios 4.0.1");
    // Until run 1 reported xmtp-js, an SDK in use had not been reported.
    expect(result.since).toEqual(minutesAgo(1));
  });

  it("dates since when the whole window met the minimums, and never calls a check that never held true", () => {
    const runs = [run(1), run(2), run(3), run(4), run(5, { sdkVersion: "1.9.0" })];
    const result = sdkCheck({ runs, required: 3, sdksInUse: [], minimums });
    expect(result.status).toBe("pass");
    expect(result.since).toEqual(minutesAgo(2)); // at run 3 the window still held run 5's 1.9.0
    const failing = sdkCheck({
      runs: [run(1), run(2, { sdkVersion: "1.9.0" })],
      required: 5,
      sdksInUse: [],
      minimums,
    });
    expect(failing).toMatchObject({ status: "fail", lastTrueAt: null });
    const unreported = sdkCheck({ runs: [run(1)], required: 5, sdksInUse: ["xmtp-ios"], minimums });
    expect(unreported).toMatchObject({ status: "unknown", lastTrueAt: null });
  });

  it("finds no minimum for an SDK named like an object's own properties, and does not throw", () => {
    for (const sdk of ["constructor", "__proto__", "toString", "valueOf"]) {
      const result = sdkCheck({ runs: [run(1, { sdk })], required: 5, sdksInUse: [], minimums });
      expect(result.status).toBe("unknown");
      expect(result.missing).toEqual([`the team has not set a mainnet-compatible version of ${sdk} yet`]);
    }
  });

  it("fails on a version below the minimum, a pre-release of the minimum included", () => {
    const result = sdkCheck({
      runs: [run(1, { sdkVersion: "2.0.0-rc.1" }), run(2)],
      required: 5,
      sdksInUse: [],
      minimums,
    });
    expect(result.status).toBe("fail");
    expect(result.missing).toEqual(["move xmtp-js from 2.0.0-rc.1 to 2.0.0 or later (run run-1)"]);
    expect(result.lastTrueAt).toEqual(minutesAgo(2));
  });

  it("reads only the last N runs: an old version outside them no longer counts", () => {
    const runs = [run(1), run(2), run(3, { sdkVersion: "1.9.0" })];
    expect(sdkCheck({ runs, required: 2, sdksInUse: [], minimums }).status).toBe("pass");
    expect(sdkCheck({ runs, required: 3, sdksInUse: [], minimums }).status).toBe("fail");
  });

  it("is unknown without runs, without a minimum for a reported SDK, or with an SDK in use never reported", () => {
    expect(sdkCheck({ runs: [], required: 5, sdksInUse: [], minimums }).status).toBe("unknown");
    const noMinimum = sdkCheck({ runs: [run(1, { sdk: "xmtp-rn" })], required: 5, sdksInUse: [], minimums });
    expect(noMinimum.status).toBe("unknown");
    expect(noMinimum.missing).toEqual(["the team has not set a mainnet-compatible version of xmtp-rn yet"]);
    const unreported = sdkCheck({ runs: [run(1)], required: 5, sdksInUse: ["xmtp-ios"], minimums });
    expect(unreported.status).toBe("unknown");
    expect(unreported.missing).toEqual(["post a run that reports the version of xmtp-ios"]);
  });
});

describe("network ready", () => {
  const readiness = (met: boolean[]): NetworkReadinessInput => ({
    ready: met.length > 0 && met.every(Boolean),
    targetsMet: met.filter(Boolean).length,
    targetsTotal: met.length,
    targets: met.map((ok, index) => ({
      key: `t${index}`,
      title: `Target ${index}`,
      met: ok,
      metSince: ok ? minutesAgo(100 - index) : null,
    })),
    stillOpen: [
      ...met.flatMap((ok, index) => (ok ? [] : [{ title: `Target ${index}`, type: "criterion" as const }])),
      { title: "Load testing", type: "milestone" as const },
    ],
  });

  it("passes when every target is met, since the last one was", () => {
    const result = networkCheck({ ...readiness([true, true]), stillOpen: [] }, now);
    expect(result.status).toBe("pass");
    expect(result.since).toEqual(minutesAgo(99));
  });

  it("fails saying how many targets are open and naming open milestones, and is unknown with none judged", () => {
    expect(networkCheck(readiness([true, false]), now).missing).toEqual([
      "the network still has to meet 1 of its 2 targets (below)",
      "the team has still to complete: Load testing",
    ]);
    expect(networkCheck(readiness([]), now).status).toBe("unknown");
  });
});

describe("score, versions and amounts", () => {
  it("counts the checks that pass out of four", () => {
    const checks = [
      integrationCheck({ runs: [run(1)], required: 1 }),
      networkCheck({ ready: false, targetsMet: 0, targetsTotal: 1, targets: [], stillOpen: [] }, now),
    ];
    expect(score(checks)).toEqual({ passed: 1, total: 4, ready: false });
  });

  it("orders versions by semver, pre-releases below their release, and refuses text that is not one", () => {
    expect(meetsMinimum("2.0.0", "2.0.0")).toBe(true);
    expect(meetsMinimum("v2.10.0", "2.9.1")).toBe(true);
    expect(meetsMinimum("2.0.0-rc.1", "2.0.0")).toBe(false);
    expect(meetsMinimum("2.1.0-beta.1", "2.0.0")).toBe(true);
    expect(meetsMinimum("1.99.0", "2.0.0")).toBe(false);
    expect(meetsMinimum("latest", "2.0.0")).toBe(false);
    expect(cleanVersion(" v1.2.3 ")).toBe("1.2.3");
    expect(cleanVersion("1.2")).toBeNull();
  });

  it("formats fee-token amounts with 6 decimals, debt with a minus sign", () => {
    expect(formatFee(10_000_000n)).toBe("10.00 USDC");
    expect(formatFee(1_234_567_891n)).toBe("1,234.567891 USDC");
    expect(formatFee(-3_200_000n)).toBe("−3.20 USDC");
    expect(formatFee(0n)).toBe("0.00 USDC");
    expect(formatFee(2n ** 103n - 1n)).toMatch(/^[\d,]+\.\d+ USDC$/);
  });
});

describe("the network's readiness cut to the stage under way", () => {
  it("keeps only that stage's targets and open items, ready when its targets are met and nothing is open", async () => {
    const { readinessOfStage } = await import("@/lib/partners/checks");
    const readiness = {
      ready: false,
      targetsMet: 2,
      targetsTotal: 3,
      targets: [
        { key: "a", title: "A", met: true, metSince: null, stage: 1 },
        { key: "b", title: "B", met: true, metSince: null, stage: 2 },
        { key: "c", title: "C", met: false, metSince: null, stage: 3 },
      ],
      stillOpen: [
        { title: "C", stage: 3 },
        { title: "a milestone", stage: 2 },
      ],
    };
    const stage = (number: number, milestones = 1) => ({ number, milestones });
    expect(readinessOfStage(readiness, stage(2))).toEqual({
      ready: false, // its milestone is still open
      targetsMet: 1,
      targetsTotal: 1,
      milestonesTotal: 1,
      targets: [readiness.targets[1]],
      stillOpen: [{ title: "a milestone", stage: 2 }],
    });
    expect(readinessOfStage(readiness, stage(1))).toMatchObject({
      ready: true,
      targetsMet: 1,
      stillOpen: [],
    });
    expect(readinessOfStage({ ...readiness, stillOpen: [] }, stage(2))).toEqual({
      ready: true,
      targetsMet: 1,
      targetsTotal: 1,
      milestonesTotal: 1,
      targets: [readiness.targets[1]],
      stillOpen: [],
    });
    expect(readinessOfStage(readiness, stage(9, 0)).ready).toBe(false);
    expect(readinessOfStage(readiness, null)).toBe(readiness);
  });

  it("judges a stage of milestones only (the migration's) ready once they are all done, not unknown", async () => {
    const { readinessOfStage } = await import("@/lib/partners/checks");
    const base = { ready: false, targetsMet: 0, targetsTotal: 0, targets: [], stillOpen: [] };
    const open = readinessOfStage(
      { ...base, stillOpen: [{ title: "Mainnet nodes deployed", stage: 3, type: "milestone" as const }] },
      { number: 3, milestones: 2 },
    );
    expect(networkCheck(open, now)).toMatchObject({
      status: "fail",
      summary: "1 of the stage's 2 milestones still open",
      missing: ["the team has still to complete: Mainnet nodes deployed"],
    });
    expect(networkCheck(readinessOfStage(base, { number: 3, milestones: 2 }), now).status).toBe("pass");
    expect(networkCheck(readinessOfStage(base, { number: 3, milestones: 0 }), now).status).toBe("unknown");
  });
});
