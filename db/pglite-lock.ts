import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";

export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
    holderCommand: string,
  ) {
    super(
      `The embedded database at ${dataDir} is already open in another process (pid ${holderPid}: ${holderCommand}). ` +
        "PGlite lets only one process open a data directory. Stop that process first, or use the running " +
        "dashboard (with PGlite it runs the worker's jobs itself), or set DATABASE_URL to a PostgreSQL server " +
        `that several processes can share. (Lock file: ${dataDir}.lock)`,
    );
    this.name = "DatabaseLockedError";
  }
}

type Holder = { pid: number; startedAt: string | null; command: string };

// Directories this process holds: a second PGlite on the same directory corrupts it just the same.
const heldHere = new Set<string>();

/** When the process started (Linux /proc), so a reused pid is not mistaken for the lock's holder. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(holder: Holder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const startedAt = processStart(holder.pid);
  return holder.startedAt === null || startedAt === null || startedAt === holder.startedAt;
}

/**
 * Takes an exclusive lock on a PGlite data directory with a file beside it (`<dir>.lock`;
 * PGlite's initdb wants the directory itself to start empty). A lock whose process no longer runs
 * is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const lockPath = `${dir}.lock`;
  if (heldHere.has(dir)) throw new DatabaseLockedError(dir, process.pid, "this process");
  mkdirSync(dirname(lockPath), { recursive: true });
  const me: Holder = {
    pid: process.pid,
    startedAt: processStart(process.pid),
    command: process.argv.slice(1).join(" "),
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      heldHere.add(dir);
      const release = () => {
        heldHere.delete(dir);
        if (readHolder(lockPath)?.pid === process.pid) unlinkQuietly(lockPath);
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && isRunning(holder)) throw new DatabaseLockedError(dir, holder.pid, holder.command);
      // Stale. Rename before removing, so of two processes taking over only one succeeds.
      const aside = `${lockPath}.stale-${process.pid}`;
      try {
        renameSync(lockPath, aside);
        unlinkQuietly(aside);
      } catch {
        // someone else moved it first; try again
      }
    }
  }
  throw new Error(`Could not lock ${dir}: ${lockPath} keeps changing hands`);
}

function readHolder(lockPath: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid !== "number") return undefined;
    return { pid: parsed.pid, startedAt: parsed.startedAt ?? null, command: String(parsed.command ?? "") };
  } catch {
    return undefined;
  }
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** Where the process holding a data directory answers CLIs' commands (server/control). */
export const controlSocketPath = (dataDir: string) => `${resolve(dataDir)}.sock`;
