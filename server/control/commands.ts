import { z } from "zod";
import type { Db } from "@/db/client";
import { createIngestToken, listIngestTokens, revokeIngestToken } from "@/db/mutations/tokens";
import { INGEST_SCOPES } from "@/lib/auth/scopes";
import { type Env, NETWORK_KEYS } from "@/lib/env";
import { runEvaluationJob } from "@/server/jobs/evaluate";
import { runRegistrySyncJob } from "@/server/jobs/registry-sync";
import { runRetentionJob, runRollupJob } from "@/server/jobs/rollup";

type Log = (line: string) => void;
const count = z.number().int().min(0).optional();

/**
 * What a CLI can ask of the database: each command's arguments (checked here, since they may
 * arrive over the running dashboard's control socket) and the server function it runs. A CLI runs
 * it on its own connection, or asks the running dashboard to when that holds the embedded database.
 */
export const COMMANDS = {
  "token:create": {
    args: z.object({ name: z.string().min(1).max(63), scopes: z.array(z.enum(INGEST_SCOPES)).min(1) }),
    run: (db: Db, _env: Env, args: { name: string; scopes: (typeof INGEST_SCOPES)[number][] }) =>
      createIngestToken(db, { ...args, actor: "cli" }),
  },
  "token:list": {
    args: z.object({}),
    run: async (db: Db, _env: Env, _args: object) => ({ tokens: await listIngestTokens(db) }),
  },
  "token:revoke": {
    args: z.object({ name: z.string().min(1) }),
    run: (db: Db, _env: Env, { name }: { name: string }) => revokeIngestToken(db, { name, actor: "cli" }),
  },
  evaluate: {
    args: z.object({}),
    run: (db: Db, _env: Env, _args: object, log?: Log) => runEvaluationJob(db, { trigger: "cli", log }),
  },
  rollup: {
    args: z.object({ retention: z.boolean() }),
    run: async (db: Db, env: Env, { retention }: { retention: boolean }) => {
      const rollups = await runRollupJob(db, { trigger: "cli" });
      if (!retention) return rollups;
      return { ...rollups, ...(await runRetentionJob(db, env, { trigger: "cli" })) };
    },
  },
  "registry:sync": {
    args: z.object({
      network: z.enum(NETWORK_KEYS),
      rpcUrl: z.string().url().optional(),
      address: z
        .string()
        .regex(/^0x[0-9a-fA-F]{40}$/)
        .optional(),
      fromBlock: count,
      confirmations: count,
      chunkSize: z.number().int().min(1).optional(),
    }),
    run: (db: Db, env: Env, { network, rpcUrl, address, ...rest }: RegistrySyncArgs, log?: Log) => {
      // A network or endpoint named on the command line is synced even if not configured.
      const runEnv = {
        ...env,
        XMTP_NETWORKS: [...new Set([...env.XMTP_NETWORKS, network])],
        ...(network === "local" && rpcUrl ? { SETTLEMENT_RPC_URL: rpcUrl } : {}),
        ...(network === "local" && address ? { NODE_REGISTRY_ADDRESS: address } : {}),
      };
      return runRegistrySyncJob(db, runEnv, {
        network,
        trigger: "cli",
        rpcUrl,
        address: address as `0x${string}` | undefined,
        ...rest,
        log,
      });
    },
  },
} as const;

type RegistrySyncArgs = {
  network: (typeof NETWORK_KEYS)[number];
  rpcUrl?: string;
  address?: string;
  fromBlock?: number;
  confirmations?: number;
  chunkSize?: number;
};

export type CommandName = keyof typeof COMMANDS;
export type CommandArgs<N extends CommandName> = Parameters<(typeof COMMANDS)[N]["run"]>[2];

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** Checks a command's arguments and runs it: a ZodError names what is wrong with them. */
export async function runCommand<N extends CommandName>(
  db: Db,
  env: Env,
  name: N,
  args: unknown,
  log?: Log,
): Promise<unknown> {
  const command = COMMANDS[name];
  const parsed = command.args.parse(args);
  return (command.run as (db: Db, env: Env, args: unknown, log?: Log) => Promise<unknown>)(
    db,
    env,
    parsed,
    log,
  );
}
