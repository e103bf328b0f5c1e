import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lagsOf, type NodeCursor, replication } from "@/lib/uptime/replication";

const T0 = Date.parse("2026-02-03T10:00:00Z");
const cursorOf = (nodeId: number, cursor: Record<string, string>, secondsAgo = 0): NodeCursor => ({
  nodeId,
  at: new Date(T0 - secondsAgo * 1000),
  cursor,
});
/** BigInt has no Math.max/min: sort ascending instead. */
const ascending = (values: readonly bigint[]) => [...values].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1));
const byNode = (result: ReturnType<typeof replication>) =>
  Object.fromEntries(result.nodes.map((node) => [node.nodeId, node]));

describe("replication from the latest cursors", () => {
  it("gives each originator's spread across nodes: max, min, their difference and how many nodes reported", () => {
    const result = replication([
      cursorOf(1, { 0: "500", 7: "30" }),
      cursorOf(2, { 0: "480", 7: "35" }),
      cursorOf(3, { 0: "495", 7: "35" }),
    ]);
    expect(result.originators).toEqual([
      { originator: "0", max: "500", min: "480", divergence: "20", nodes: 3 },
      { originator: "7", max: "35", min: "30", divergence: "5", nodes: 3 },
    ]);
  });

  it("gives each node's lag as the largest shortfall from the max over originators", () => {
    const nodes = byNode(
      replication([
        cursorOf(1, { 0: "500", 7: "30" }),
        cursorOf(2, { 0: "480", 7: "35" }),
        cursorOf(3, { 0: "500", 7: "35" }),
      ]),
    );
    expect(nodes[1]).toMatchObject({ lag: "5", lagByOriginator: { 0: "0", 7: "5" } });
    expect(nodes[2]).toMatchObject({ lag: "20", lagByOriginator: { 0: "20", 7: "0" } });
    expect(nodes[3]).toMatchObject({ lag: "0", lagByOriginator: { 0: "0", 7: "0" } });
  });

  it("counts an originator missing from a node's cursor as sequence 0", () => {
    const result = replication([cursorOf(1, { 0: "500", 200: "70" }), cursorOf(2, { 0: "500" })]);
    expect(result.originators.find((o) => o.originator === "200")).toEqual({
      originator: "200",
      max: "70",
      min: "0",
      divergence: "70",
      nodes: 2,
    });
    expect(byNode(result)[2]).toMatchObject({ lag: "70", lagByOriginator: { 0: "0", 200: "70" } });
  });

  it("keeps sequence ids beyond Number.MAX_SAFE_INTEGER exact", () => {
    const result = replication([
      cursorOf(1, { 100: "18446744073709551615", 101: "9007199254740993" }),
      cursorOf(2, { 100: "18446744073709551610", 101: "9007199254740990" }),
    ]);
    expect(result.originators).toEqual([
      {
        originator: "100",
        max: "18446744073709551615",
        min: "18446744073709551610",
        divergence: "5",
        nodes: 2,
      },
      { originator: "101", max: "9007199254740993", min: "9007199254740990", divergence: "3", nodes: 2 },
    ]);
    expect(byNode(result)[2]).toMatchObject({ lag: "5", lagByOriginator: { 100: "5", 101: "3" } });
    // A node that has nothing from originator 100 lags by the whole uint64 max.
    const behind = replication([cursorOf(1, { 100: "18446744073709551615" }), cursorOf(2, {})]);
    expect(byNode(behind)[2]?.lag).toBe("18446744073709551615");
  });

  it("orders originators numerically, not as strings", () => {
    const result = replication([cursorOf(1, { 10: "1", 9: "1", 100: "1" }), cursorOf(2, { 2: "1" })]);
    expect(result.originators.map((o) => o.originator)).toEqual(["2", "9", "10", "100"]);
  });

  it("is as of the newest cursor, and keeps each node's own time", () => {
    const result = replication([
      cursorOf(1, { 0: "1" }, 30),
      cursorOf(2, { 0: "1" }, 5),
      cursorOf(3, {}, 60),
    ]);
    expect(result.at).toEqual(new Date(T0 - 5000));
    expect(result.nodes.map((n) => [n.nodeId, n.at.getTime()])).toEqual([
      [1, T0 - 30_000],
      [2, T0 - 5000],
      [3, T0 - 60_000],
    ]);
  });

  it("has no time, originators or nodes without cursors", () => {
    expect(replication([])).toEqual({ at: null, originators: [], nodes: [] });
  });

  it("agrees with BigInt arithmetic for any cursors", () => {
    const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    const cursors = fc.array(fc.dictionary(fc.constantFrom("0", "1", "2", "13"), uint64, { maxKeys: 4 }), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(cursors, (maps) => {
        const rows = maps.map((map, i) =>
          cursorOf(i, Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.toString()]))),
        );
        const result = replication(rows);
        const own = (i: number, o: string) => maps[i]?.[o] ?? 0n;
        const keys = [...new Set(maps.flatMap((map) => Object.keys(map)))].sort(
          (a, b) => Number(a) - Number(b),
        );
        expect(result.originators.map((o) => o.originator)).toEqual(keys);
        for (const entry of result.originators) {
          const values = maps.map((_, i) => own(i, entry.originator));
          const sorted = ascending(values);
          const [min, max] = [sorted[0] as bigint, sorted[sorted.length - 1] as bigint];
          expect(entry).toEqual({
            originator: entry.originator,
            max: max.toString(),
            min: min.toString(),
            divergence: (max - min).toString(),
            nodes: maps.length,
          });
        }
        for (const [i, node] of result.nodes.entries()) {
          const lags = result.originators.map((o) => BigInt(o.max) - own(i, o.originator));
          expect(node.lag).toBe((ascending([0n, ...lags]).at(-1) as bigint).toString());
          expect(BigInt(node.lag) >= 0n).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("gives, through lagsOf alone, the lag replication gives each node", () => {
    const uint64 = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });
    const cursors = fc.array(fc.dictionary(fc.constantFrom("0", "1", "2", "13"), uint64, { maxKeys: 4 }), {
      maxLength: 6,
    });
    fc.assert(
      fc.property(cursors, (maps) => {
        const rows = maps.map((map, i) =>
          cursorOf(i, Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.toString()]))),
        );
        const expected = new Map(replication(rows).nodes.map((node) => [node.nodeId, node.lag]));
        expect(lagsOf(rows)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    expect(lagsOf([cursorOf(1, { 0: "18446744073709551615" }), cursorOf(2, {})])).toEqual(
      new Map([
        [1, "0"],
        [2, "18446744073709551615"],
      ]),
    );
  });
});
