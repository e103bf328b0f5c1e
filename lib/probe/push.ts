import { mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { NetworkKey } from "../env";
import type { ProbeBatch } from "../ingest/schemas";
import type { ProbeRecord } from "./record";

export const PUSH_BATCH_SIZE = 1000;

/** A round's results as bodies of `POST /api/ingest/probes`. */
export function toBatches(
  network: NetworkKey,
  region: string,
  results: readonly ProbeRecord[],
): ProbeBatch[] {
  const batches: ProbeBatch[] = [];
  for (let start = 0; start < results.length; start += PUSH_BATCH_SIZE) {
    batches.push({
      network,
      region,
      probes: results.slice(start, start + PUSH_BATCH_SIZE).map((result) => ({
        nodeId: result.nodeId,
        at: result.at.toISOString(),
        outcome: result.outcome,
        latencyMs: result.latencyMs,
        version: result.version,
        httpStatus: result.httpStatus,
        grpcStatus: result.grpcStatus,
        errorClass: result.errorClass,
        error: result.error,
        cursor: result.cursor,
      })),
    });
  }
  return batches;
}

export type DeliveryReport = {
  delivered: number;
  stored: number;
  duplicates: number;
  /** Batches refused as a whole (400, 413, 415), set aside in `rejected/`. */
  rejected: number;
  /** Single probes the dashboard refused (a node it does not know yet, a time out of range). */
  dropped: number;
  pending: number;
  error?: string;
};

const SPOOL_FILE = /^\d{15}-\d+-\d{6}\.json$/;
const PROBE_PATH = /^probes\.(\d+)\./;

type RefusalBody = {
  error?: { code?: string; message?: string; issues?: { path: string; message: string }[] };
};

/**
 * A directory of batches not yet accepted by the dashboard. Every batch is written here first and
 * removed only once the dashboard has answered 2xx, so a dashboard that is down loses nothing;
 * re-sending a batch whose answer was lost is harmless (the endpoint skips probes it already has).
 */
export class ProbeSpool {
  private sequence = 0;

  constructor(readonly dir: string) {}

  async add(batch: ProbeBatch): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `${Date.now().toString().padStart(15, "0")}-${process.pid}-${String(this.sequence++).padStart(6, "0")}.json`;
    await this.write(name, batch);
    return name;
  }

  /** Spooled batches, oldest first; other files in the directory are not the spool's. */
  async pending(): Promise<string[]> {
    try {
      const names = (await readdir(this.dir)).filter((name) => SPOOL_FILE.test(name));
      // Stryker disable next-line MethodExpression: Node's readdir (libuv scandir) already answers in sorted order
      return names.sort();
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  /**
   * Sends spooled batches oldest first. Stops at the first batch the dashboard cannot take now
   * (unreachable, 5xx, 429, or a token it refuses) and keeps it and the rest for the next try.
   * When it refuses single probes (`refused_probes`, e.g. a node its registry sync has not seen
   * yet), those are dropped and the rest of the batch re-sent; a batch refused as invalid
   * (400, 413, 415) is moved to `rejected/` so it cannot block the others.
   */
  async deliver(
    baseUrl: string,
    token: string,
    { log = () => {}, timeoutMs = 30_000 }: { log?: (line: string) => void; timeoutMs?: number } = {},
  ): Promise<DeliveryReport> {
    const report: DeliveryReport = {
      delivered: 0,
      stored: 0,
      duplicates: 0,
      rejected: 0,
      dropped: 0,
      pending: 0,
    };
    const files = await this.pending();
    const endpoint = new URL("/api/ingest/probes", baseUrl);
    for (const [index, name] of files.entries()) {
      const path = join(this.dir, name);
      for (;;) {
        // Stryker disable next-line StringLiteral: a Buffer body is sent and JSON-parsed exactly as its UTF-8 text
        const batch = await readFile(path, "utf8").catch((error) => {
          if (isMissing(error)) return null; // another prober on this spool delivered it
          throw error;
        });
        if (batch === null) break;
        let response: Response;
        try {
          response = await fetch(endpoint, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
            body: batch,
            signal: AbortSignal.timeout(timeoutMs),
          });
        } catch (error) {
          report.pending = files.length - index;
          report.error = `dashboard unreachable at ${endpoint.origin}: ${causeOf(error)}`;
          return report;
        }
        const body = (await response.json().catch(() => ({}))) as RefusalBody & {
          stored?: number;
          duplicates?: number;
        };
        if (response.ok) {
          await removeIfThere(path);
          report.delivered += 1;
          report.stored += body.stored ?? 0;
          report.duplicates += body.duplicates ?? 0;
          break;
        }
        const reason = `HTTP ${response.status}${body.error?.message ? `: ${body.error.message}` : ""}`;
        const refused = response.status === 400 ? refusedProbes(body) : new Set<number>();
        const parsed = refused.size > 0 ? (JSON.parse(batch) as ProbeBatch) : null;
        // Stryker disable next-line ArrayDeclaration: `kept` is read only when `parsed` is set
        const kept = parsed?.probes.filter((_, at) => !refused.has(at)) ?? [];
        // Only when the answer names probes of this batch; otherwise it is refused as a whole.
        if (parsed && kept.length < parsed.probes.length) {
          report.dropped += parsed.probes.length - kept.length;
          // Stryker disable next-line OptionalChaining: reached only when the answer named a probe, so error and issues[0] exist
          const first = body.error?.issues?.[0]?.message ?? "";
          log(
            `batch ${name}: dropped ${parsed.probes.length - kept.length} refused probes (${first}); re-sending ${kept.length}`,
          );
          if (kept.length === 0) {
            await removeIfThere(path);
            break;
          }
          await this.write(name, { ...parsed, probes: kept });
          continue;
        }
        if ([400, 413, 415].includes(response.status)) {
          await mkdir(join(this.dir, "rejected"), { recursive: true });
          await rename(path, join(this.dir, "rejected", name));
          report.rejected += 1;
          log(`batch ${name} refused (${reason}); moved to ${join(this.dir, "rejected")}`);
          break;
        }
        report.pending = files.length - index;
        report.error = `the dashboard did not take batch ${name}: ${reason}`;
        return report;
      }
    }
    return report;
  }

  private async write(name: string, batch: ProbeBatch) {
    const temporary = join(this.dir, `.${name}.tmp`);
    await writeFile(temporary, JSON.stringify(batch));
    await rename(temporary, join(this.dir, name)); // atomic: a crash never leaves half a batch
  }
}

/** Indices of the probes a `refused_probes` answer names; empty for any other refusal. */
function refusedProbes(body: RefusalBody): Set<number> {
  if (body.error?.code !== "refused_probes") return new Set();
  // Stryker disable next-line ArrayDeclaration: an element without a path names no probe, like no element
  const indices = (body.error.issues ?? []).map((issue) => PROBE_PATH.exec(issue.path)?.[1]);
  return new Set(indices.filter((index) => index !== undefined).map(Number));
}

// Stryker disable next-line OptionalChaining: fs rejects with an Error, never null or undefined
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === "ENOENT";

/** Another prober sharing the spool may have delivered the batch first. */
const removeIfThere = (path: string) =>
  unlink(path).catch((error) => {
    if (!isMissing(error)) throw error;
  });

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
