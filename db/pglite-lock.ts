import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
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
        "that several processes can share.",
    );
    this.name = "DatabaseLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory with a pid file beside it
 * (`<dir>.lock`; PGlite's initdb wants the directory itself to start empty).
 * A lock left by a process that no longer runs is taken over. Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  const lockPath = `${dir}.lock`;
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, command: process.argv.slice(1).join(" ") }));
      closeSync(fd);
      const release = () => {
        try {
          const holder = JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number };
          if (holder.pid === process.pid) unlinkSync(lockPath);
        } catch {
          // already gone
        }
        process.off("exit", release);
      };
      process.on("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      // The same pid counts as a holder too: two PGlite instances in one process corrupt the data as well.
      if (holder && (holder.pid === process.pid || isAlive(holder.pid))) {
        throw new DatabaseLockedError(dir, holder.pid, holder.command);
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dir}: ${lockPath} keeps reappearing`);
}

function readHolder(lockPath: string): { pid: number; command: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(lockPath, "utf8")) as { pid?: unknown; command?: unknown };
    return typeof parsed.pid === "number"
      ? { pid: parsed.pid, command: String(parsed.command ?? "") }
      : undefined;
  } catch {
    return undefined;
  }
}
