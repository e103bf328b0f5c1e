import { describe, expect, it } from "vitest";
import { probeBatchIssues } from "@/lib/ingest/probe-batch";
import type { ProbeBatch } from "@/lib/ingest/schemas";

const MIN = 60_000;
const DAY = 86_400_000;
const NOW = new Date("2026-02-03T10:00:00Z");
const known = new Set([100, 200, 300]);
const options = { known, now: NOW, retentionDays: 14 };

type Probe = ProbeBatch["probes"][number];
const probe = (nodeId: number, msFromNow = 0): Probe => ({
  nodeId,
  at: new Date(NOW.getTime() + msFromNow).toISOString(),
  outcome: "up",
  latencyMs: 40,
});
const batch = (...probes: Probe[]): ProbeBatch => ({ network: "testnet", region: "eu-west", probes });

describe("a remote prober's batch", () => {
  it("may be stored whole when every probe is of a known node and within the accepted times", () => {
    expect(probeBatchIssues(batch(probe(100), probe(200, -13 * DAY), probe(300, 4 * MIN)), options)).toEqual(
      [],
    );
  });

  it("names a probe of a node the registry does not know on that network, by its index", () => {
    expect(probeBatchIssues(batch(probe(100), probe(999)), options)).toEqual([
      { path: "probes.1.nodeId", message: "node 999 is not in the testnet registry" },
    ]);
    expect(probeBatchIssues({ ...batch(probe(7)), network: "mainnet" }, options)).toEqual([
      { path: "probes.0.nodeId", message: "node 7 is not in the mainnet registry" },
    ]);
  });

  it("refuses a probe more than 5 minutes in the future, and accepts one exactly 5 minutes ahead", () => {
    expect(probeBatchIssues(batch(probe(100, 5 * MIN + 1)), options)).toEqual([
      { path: "probes.0.at", message: "is in the future (more than 5 minutes ahead)" },
    ]);
    expect(probeBatchIssues(batch(probe(100, 5 * MIN)), options)).toEqual([]);
  });

  it("reads a time's zone: 11:06+01:00 is 6 minutes ahead of 10:00 UTC, 10:59+01:00 is not", () => {
    const inParis = { ...probe(100), at: "2026-02-03T11:06:00+01:00" };
    expect(probeBatchIssues(batch(inParis), options)).toEqual([
      { path: "probes.0.at", message: "is in the future (more than 5 minutes ahead)" },
    ]);
    const earlier = { ...probe(100), at: "2026-02-03T10:59:00+01:00" };
    expect(probeBatchIssues(batch(earlier), options)).toEqual([]);
  });

  it("refuses a probe older than raw-probe retention, naming the retention", () => {
    expect(probeBatchIssues(batch(probe(100, -14 * DAY - 1)), options)).toEqual([
      { path: "probes.0.at", message: "is older than raw-probe retention (14 days)" },
    ]);
    expect(probeBatchIssues(batch(probe(100, -14 * DAY)), options)).toEqual([]);
    expect(probeBatchIssues(batch(probe(100, -3 * DAY)), { ...options, retentionDays: 2 })).toEqual([
      { path: "probes.0.at", message: "is older than raw-probe retention (2 days)" },
    ]);
  });

  it("gives one issue per problem of each bad probe, with the right indices", () => {
    const issues = probeBatchIssues(
      batch(probe(100), probe(999, 10 * MIN), probe(200), probe(300, -20 * DAY), probe(5)),
      options,
    );
    expect(issues).toEqual([
      { path: "probes.1.nodeId", message: "node 999 is not in the testnet registry" },
      { path: "probes.1.at", message: "is in the future (more than 5 minutes ahead)" },
      { path: "probes.3.at", message: "is older than raw-probe retention (14 days)" },
      { path: "probes.4.nodeId", message: "node 5 is not in the testnet registry" },
    ]);
  });
});
