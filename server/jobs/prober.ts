import pLimit from "p-limit";
import type { Db } from "@/db/client";
import { insertProbes } from "@/db/mutations/probes";
import { probeTargets } from "@/db/queries/nodes";
import type { Env, NetworkKey } from "@/lib/env";
import { safeErrorMessage } from "@/lib/errors";
import type { ProbeClient } from "@/lib/probe/client";
import type { ProbeRecord } from "@/lib/probe/record";
import { type ProbeTarget, probeNode } from "@/lib/probe/round";

export type ProberOptions = {
  network: NetworkKey;
  region?: string;
  client: ProbeClient;
  /** How often buffered results are stored: results wait for time, never for a round. */
  flushMs?: number;
  /** How often the node list is read again (a registry sync also asks for it at once). */
  refreshMs?: number;
  /** Asked now and then: false while another instance holds this network's probing. */
  claim?: () => Promise<boolean>;
  log?: (line: string) => void;
};

type Scheduled = { target: ProbeTarget; timer?: NodeJS.Timeout };

/**
 * The worker's prober: every registry node on its own schedule, once per PROBE_INTERVAL_S from its
 * own start, at most PROBE_CONCURRENCY probes in flight. A node that hangs delays only its own next
 * probe, never another node's; each result is stored within `flushMs` of its probe ending.
 */
export function startProber(db: Db, env: Env, options: ProberOptions) {
  const { network, client, flushMs = 1000, refreshMs = 15_000, log = console.log } = options;
  const region = options.region ?? env.PROBE_REGION;
  const intervalMs = env.PROBE_INTERVAL_S * 1000;
  const settings = { timeoutMs: env.PROBE_TIMEOUT_MS, degradedMs: env.PROBE_DEGRADED_MS };
  const limit = pLimit(env.PROBE_CONCURRENCY);
  const nodes = new Map<number, Scheduled>();
  let buffer: ProbeRecord[] = [];
  let stopped = false;
  let ours = !options.claim;

  const schedule = (entry: Scheduled, delayMs: number) => {
    if (stopped) return;
    entry.timer = setTimeout(() => void probe(entry), Math.max(0, delayMs));
  };

  const probe = async (entry: Scheduled) => {
    const started = Date.now();
    if (!ours || nodes.get(entry.target.nodeId) !== entry) return schedule(entry, intervalMs);
    try {
      const result = await limit(() => probeNode(client, entry.target, settings));
      buffer.push(result); // after the await: `buffer` is swapped for a new array by each flush
    } finally {
      // Next probe one interval after this one started, or at once when it took longer than that.
      if (nodes.get(entry.target.nodeId) === entry) schedule(entry, started + intervalMs - Date.now());
    }
  };

  let flushing: Promise<void> = Promise.resolve();
  /** Stores what is buffered; flushes take turns, so a slow insert never overlaps the next. */
  const flush = () => {
    flushing = flushing.then(store);
    return flushing;
  };
  const store = async () => {
    if (buffer.length === 0) return;
    const results = buffer;
    buffer = [];
    try {
      await insertProbes(db, { network, region, source: "local" }, results);
    } catch (error) {
      // Kept for the next flush (bounded: a long outage keeps the newest interval's worth per node).
      buffer = [...results, ...buffer].slice(-Math.max(1000, nodes.size * 10));
      log(`[prober] ${network}: could not store ${results.length} probes: ${safeErrorMessage(error)}`);
    }
  };

  /** Reads the node list again: new nodes start within a second, removed ones stop, moved ones follow. */
  const refresh = async () => {
    if (stopped) return;
    const targets = await probeTargets(db, network);
    const seen = new Set<number>();
    for (const [index, target] of targets.entries()) {
      seen.add(target.nodeId);
      const known = nodes.get(target.nodeId);
      if (known && known.target.httpAddress === target.httpAddress) continue;
      if (known?.timer) clearTimeout(known.timer);
      const entry: Scheduled = { target };
      nodes.set(target.nodeId, entry);
      // First probes spread over the first second, so a large registry does not start in one burst.
      schedule(entry, known ? 0 : (index / Math.max(1, targets.length)) * 1000);
    }
    for (const [nodeId, entry] of nodes)
      if (!seen.has(nodeId)) {
        if (entry.timer) clearTimeout(entry.timer);
        nodes.delete(nodeId);
      }
  };

  const checkClaim = async () => {
    if (options.claim) ours = await options.claim().catch(() => false);
  };

  const guard = (name: string, run: () => Promise<void>) => () =>
    void run().catch((error) => log(`[prober] ${network}: ${name} failed: ${safeErrorMessage(error)}`));
  const timers = [
    setInterval(guard("flush", flush), flushMs),
    setInterval(guard("refresh", refresh), refreshMs),
    ...(options.claim ? [setInterval(guard("claim", checkClaim), Math.min(10_000, intervalMs))] : []),
  ];
  const ready = (async () => {
    await checkClaim();
    await refresh();
  })().catch((error) => log(`[prober] ${network}: could not start: ${safeErrorMessage(error)}`));

  return {
    ready,
    refresh,
    /** Stops scheduling, waits for probes in flight (each bounded by its timeout), stores what is left. */
    stop: async () => {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      for (const entry of nodes.values()) if (entry.timer) clearTimeout(entry.timer);
      // Probes still waiting for a slot never start; those running end within their timeout.
      limit.clearQueue();
      while (limit.activeCount > 0) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setImmediate(resolve)); // the last results reach the buffer
      await flush();
    },
  };
}
