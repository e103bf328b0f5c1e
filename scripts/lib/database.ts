import { type DatabaseHandle, openDatabase } from "@/db/client";
import { controlSocketPath, DatabaseLockedError } from "@/db/pglite-lock";
import { prepareDatabase } from "@/db/setup";
import type { Env } from "@/lib/env";
import { askRunningDashboard } from "@/server/control/client";
import { type CommandArgs, type CommandName, runCommand } from "@/server/control/commands";

/** Opens the configured database, migrated and seeded, for one CLI run, and closes it after. */
export async function withDatabase<T>(env: Env, run: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ url: env.databaseUrl, pgliteDir: env.PGLITE_DIR });
  try {
    await prepareDatabase(handle, env);
    return await run(handle);
  } finally {
    await handle.close();
  }
}

/**
 * Runs one of the database commands: on its own connection, or, when a running dashboard holds the
 * embedded database, through that dashboard's control socket (the same command, in its process).
 */
export async function runDatabaseCommand<N extends CommandName>(
  env: Env,
  name: N,
  args: CommandArgs<N>,
  log?: (line: string) => void,
): Promise<Record<string, unknown>> {
  try {
    return (await withDatabase(env, (handle) => runCommand(handle.db, env, name, args, log))) as Record<
      string,
      unknown
    >;
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    const socketPath = controlSocketPath(error.dataDir);
    console.error(
      `The dashboard (pid ${error.holderPid}) has the embedded database open: asking it to run ${name}.`,
    );
    try {
      return (await askRunningDashboard(socketPath, name, args, log)) as Record<string, unknown>;
    } catch (asked) {
      const code = (asked as NodeJS.ErrnoException).code;
      if (!code) throw asked; // the dashboard answered: its words
      throw new Error(
        `${error.message} Its control socket (${socketPath}) does not answer either (${code}).`,
      );
    }
  }
}
