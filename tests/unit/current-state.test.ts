import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProbeErrorClass, ProbeOutcome } from "@/lib/probe/record";
import { type CurrentState, currentState, type LatestProbe, networkHealth } from "@/lib/uptime/current-state";

const T0 = Date.parse("2026-02-03T10:00:00Z");
const node = { nodeId: 100, isCanonical: true };

/** A region's latest probe, `secondsAgo` before T0; a down probe has no latency or version. */
function latest(
  outcome: ProbeOutcome,
  {
    secondsAgo = 0,
    latencyMs = outcome === "down" ? null : 40,
    version = outcome === "down" ? null : "v1.0.0",
    errorClass = outcome === "down" ? "timeout" : null,
    error = outcome === "down" ? "timed out" : null,
  }: {
    secondsAgo?: number;
    latencyMs?: number | null;
    version?: string | null;
    errorClass?: ProbeErrorClass | null;
    error?: string | null;
  } = {},
): LatestProbe {
  return { at: new Date(T0 - secondsAgo * 1000), outcome, latencyMs, version, errorClass, error };
}

describe("a node's state now", () => {
  it("is up when most regions reached it", () => {
    const state = currentState(node, [latest("up"), latest("up"), latest("down")]);
    expect(state).toMatchObject({ nodeId: 100, isCanonical: true, state: "up", regions: 3, failure: null });
  });

  it("a node down in most regions is down, with the newest failure's class", () => {
    const state = currentState(node, [
      latest("down", { secondsAgo: 50, errorClass: "refused", error: "connection refused" }),
      latest("up", { secondsAgo: 40 }),
      latest("down", { secondsAgo: 10, errorClass: "http_status", error: "HTTP 503" }),
      latest("down", { secondsAgo: 30, errorClass: "dns", error: "no such host" }),
    ]);
    expect(state.state).toBe("down");
    expect(state.failure).toEqual({ errorClass: "http_status", error: "HTTP 503" });
  });

  it("is not down when only half the regions saw it down: the quorum is strictly more than half", () => {
    expect(currentState(node, [latest("down"), latest("up")]).state).toBe("up");
    expect(currentState(node, [latest("down"), latest("down"), latest("up"), latest("up")]).state).toBe("up");
  });

  it("is degraded when most regions saw it slow or down but not most of them down", () => {
    expect(currentState(node, [latest("degraded"), latest("degraded"), latest("up")]).state).toBe("degraded");
    expect(currentState(node, [latest("down"), latest("degraded"), latest("up")]).state).toBe("degraded");
    expect(currentState(node, [latest("degraded"), latest("up"), latest("up")]).state).toBe("up");
  });

  it("names no failure unless the node is down, even when some region failed to reach it", () => {
    const state = currentState(node, [latest("down"), latest("up"), latest("up")]);
    expect(state.state).toBe("up");
    expect(state.failure).toBeNull();
    expect(currentState(node, [latest("down"), latest("degraded"), latest("degraded")]).failure).toBeNull();
  });

  it("is unknown with no fresh probe, with no time, version or latency and no regions", () => {
    expect(currentState({ nodeId: 7, isCanonical: false }, [])).toEqual({
      nodeId: 7,
      isCanonical: false,
      state: "unknown",
      at: null,
      version: null,
      latencyMs: null,
      regions: 0,
      failure: null,
    });
  });

  it("is as of the newest region's probe, whatever its outcome", () => {
    const state = currentState(node, [
      latest("up", { secondsAgo: 90 }),
      latest("down", { secondsAgo: 5 }),
      latest("up", { secondsAgo: 60 }),
    ]);
    expect(state.at).toEqual(new Date(T0 - 5000));
  });

  it("takes the version from the first region that reached it and reported one, never from a down probe", () => {
    const state = currentState(node, [
      latest("down", { version: "v9.9.9-from-a-failed-probe" }),
      latest("up", { version: null }),
      latest("degraded", { version: "v0.6.0" }),
      latest("up", { version: "v0.7.0" }),
    ]);
    expect(state.version).toBe("v0.6.0");
    expect(
      currentState(node, [latest("down", { version: "v1" }), latest("up", { version: null })]).version,
    ).toBe(null);
  });

  it("reports the fastest answering region's latency, ignoring down probes", () => {
    const state = currentState(node, [
      latest("up", { latencyMs: 120 }),
      latest("down", { latencyMs: 5 }),
      latest("degraded", { latencyMs: 80 }),
      latest("up", { latencyMs: null }),
    ]);
    expect(state.latencyMs).toBe(80);
  });

  it("has no latency, not an infinite one, when the regions that reached it sent none", () => {
    const state = currentState(node, [latest("up", { latencyMs: null }), latest("down")]);
    expect(state.latencyMs).toBeNull();
    expect(
      currentState(node, [latest("up", { latencyMs: null }), latest("up", { latencyMs: 70 })]).latencyMs,
    ).toBe(70);
  });

  it("has no latency when no region reached it", () => {
    const state = currentState(node, [latest("down"), latest("down", { latencyMs: 3000 })]);
    expect(state.latencyMs).toBeNull();
    expect(state.version).toBeNull();
    expect(state.state).toBe("down");
  });

  it("follows the quorum over regions for any mix of outcomes", () => {
    const outcome = fc.constantFrom<ProbeOutcome>("up", "degraded", "down");
    fc.assert(
      fc.property(fc.array(outcome, { minLength: 1, maxLength: 9 }), (outcomes) => {
        const state = currentState(
          node,
          outcomes.map((o, i) => latest(o, { secondsAgo: i })),
        );
        const down = outcomes.filter((o) => o === "down").length;
        const notUp = outcomes.filter((o) => o !== "up").length;
        const expected =
          2 * down > outcomes.length ? "down" : 2 * notUp > outcomes.length ? "degraded" : "up";
        expect(state.state).toBe(expected);
        expect(state.regions).toBe(outcomes.length);
        expect(state.failure === null).toBe(expected !== "down");
      }),
      { numRuns: 200 },
    );
  });
});

/** A node's state now, as currentState gives it, for the network banner. */
const stateOf = (nodeId: number, state: CurrentState["state"], isCanonical = true): CurrentState => ({
  nodeId,
  isCanonical,
  state,
  at: state === "unknown" ? null : new Date(T0),
  version: null,
  latencyMs: null,
  regions: state === "unknown" ? 0 : 1,
  failure: null,
});

describe("the network banner", () => {
  it("counts only canonical nodes, and lists only them", () => {
    const health = networkHealth("testnet", [
      stateOf(1, "up"),
      stateOf(2, "down"),
      stateOf(3, "down", false),
      stateOf(4, "up", false),
    ]);
    expect(health).toMatchObject({
      network: "testnet",
      canonicalUp: 1,
      canonicalTotal: 2,
      canonicalUnknown: 0,
    });
    expect(health.nodes.map((n) => n.nodeId)).toEqual([1, 2]);
    expect(health.status).toBe("degraded"); // 1 of 2 = 50%
  });

  it("counts a degraded node as up", () => {
    const health = networkHealth("testnet", [stateOf(1, "degraded"), stateOf(2, "degraded")]);
    expect(health).toMatchObject({ canonicalUp: 2, canonicalTotal: 2, status: "operational" });
  });

  it("counts unknown nodes as not up, and says how many are unknown", () => {
    const health = networkHealth("testnet", [
      stateOf(1, "up"),
      stateOf(2, "up"),
      stateOf(3, "unknown"),
      stateOf(4, "unknown"),
      stateOf(5, "unknown", false),
    ]);
    expect(health).toMatchObject({
      canonicalUp: 2,
      canonicalTotal: 4,
      canonicalUnknown: 2,
      status: "degraded",
    });
  });

  it("is operational from 80% of canonical nodes up, degraded from 50%, a major outage above 0, an outage at 0", () => {
    const banner = (up: number, total: number) =>
      networkHealth(
        "testnet",
        Array.from({ length: total }, (_, i) => stateOf(i, i < up ? "up" : "down")),
      ).status;
    expect(banner(4, 5)).toBe("operational"); // 80%
    expect(banner(10, 10)).toBe("operational");
    expect(banner(79, 100)).toBe("degraded");
    expect(banner(1, 2)).toBe("degraded"); // 50%
    expect(banner(49, 100)).toBe("major_outage");
    expect(banner(1, 100)).toBe("major_outage");
    expect(banner(0, 3)).toBe("outage");
  });

  it("is unknown when no canonical node has a fresh probe, or there are no canonical nodes", () => {
    expect(networkHealth("testnet", [stateOf(1, "unknown"), stateOf(2, "unknown")])).toMatchObject({
      canonicalUp: 0,
      canonicalTotal: 2,
      canonicalUnknown: 2,
      status: "unknown",
    });
    expect(networkHealth("testnet", [stateOf(1, "up", false)])).toMatchObject({
      canonicalTotal: 0,
      status: "unknown",
      nodes: [],
    });
    expect(networkHealth("mainnet", []).status).toBe("unknown");
  });

  it("is an outage, not unknown, when the known canonical nodes are all down", () => {
    const health = networkHealth("testnet", [stateOf(1, "down"), stateOf(2, "unknown")]);
    expect(health).toMatchObject({ canonicalUp: 0, canonicalUnknown: 1, status: "outage" });
  });
});
