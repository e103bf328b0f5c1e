import pLimit from "p-limit";
import { MAX_CURSOR_ENTRIES, MAX_ERROR_CHARS, MAX_VERSION_CHARS } from "../limits";
import { withoutLoneSurrogates } from "../storable-text";
import { getSyncCursor, getVersion, type ProbeClient } from "./client";
import type { SyncCursor } from "./grpc-web";
import type { ProbeRecord } from "./record";

export type ProbeTarget = { nodeId: number; httpAddress: string };

export type ProbeSettings = { timeoutMs: number; degradedMs: number; now?: () => Date };

/**
 * One probe: GetVersion decides the outcome (up, degraded when slower than `degradedMs`, down with
 * its error class); GetSyncCursor then reads the node's replication cursor within what is left of
 * the same time budget. A node whose cursor call fails is still up: the cursor is just missing.
 */
export async function probeNode(
  client: ProbeClient,
  target: ProbeTarget,
  { timeoutMs, degradedMs, now = () => new Date() }: ProbeSettings,
): Promise<ProbeRecord> {
  const at = now();
  const started = performance.now();
  const version = await getVersion(client, target.httpAddress, timeoutMs);
  const base = { nodeId: target.nodeId, at, httpStatus: version.httpStatus, grpcStatus: version.grpcStatus };
  if (!version.ok) {
    return {
      ...base,
      outcome: "down",
      latencyMs: version.errorClass === "timeout" ? null : round(version.latencyMs),
      version: null,
      errorClass: version.errorClass,
      error: cleanText(version.error, MAX_ERROR_CHARS),
      cursor: null,
    };
  }
  const remaining = timeoutMs - (performance.now() - started);
  const cursor = remaining > 50 ? await getSyncCursor(client, target.httpAddress, remaining) : null;
  return {
    ...base,
    outcome: version.latencyMs > degradedMs ? "degraded" : "up",
    latencyMs: round(version.latencyMs),
    version: cleanText(version.value, MAX_VERSION_CHARS),
    errorClass: null,
    error: null,
    cursor: cursor?.ok ? boundedCursor(cursor.value) : null,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

// What a node sends is the operator's text: bounded (lib/limits.ts, as the ingest schema) and
// stripped of control characters (Postgres cannot store U+0000) before it is stored or pushed.
export function cleanText(text: string, max: number): string {
  const printable = withoutLoneSurrogates(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
    text.replace(/[\u0000-\u001f\u007f]+/g, " "),
  ).trim();
  if (printable.length <= max) return printable;
  const cut = printable.slice(0, max - 1);
  // Never end on the first half of a surrogate pair: that half alone cannot be stored.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function boundedCursor(cursor: SyncCursor): SyncCursor {
  return Object.fromEntries(Object.entries(cursor).slice(0, MAX_CURSOR_ENTRIES));
}

export type RoundResult = { results: ProbeRecord[]; skipped: number[]; durationMs: number };

/**
 * Probes every target, at most `concurrency` at a time. Each probe is bounded by the timeout; the
 * round as a whole by `deadlineMs`: targets that cannot get a full timeout before it are skipped
 * (unknown, the prober's shortfall, not the node's downtime); results never wait on a slow neighbour.
 */
export async function probeRound(
  client: ProbeClient,
  targets: readonly ProbeTarget[],
  settings: ProbeSettings & { concurrency?: number; deadlineMs?: number },
): Promise<RoundResult> {
  const started = performance.now();
  const deadline = started + (settings.deadlineMs ?? settings.timeoutMs * 4);
  const concurrency = Math.max(1, settings.concurrency ?? 32);
  const results: ProbeRecord[] = [];
  const skipped: number[] = [];
  await pLimit(concurrency).map(targets, async (target) => {
    // A probe always gets its full timeout: a shortened one would call a slow node down.
    if (deadline - performance.now() < settings.timeoutMs) skipped.push(target.nodeId);
    else results.push(await probeNode(client, target, settings));
  });
  results.sort((a, b) => a.nodeId - b.nodeId);
  return { results, skipped, durationMs: Math.round(performance.now() - started) };
}

export function countOutcomes(results: readonly ProbeRecord[]) {
  return {
    up: results.filter((r) => r.outcome === "up").length,
    degraded: results.filter((r) => r.outcome === "degraded").length,
    down: results.filter((r) => r.outcome === "down").length,
  };
}
