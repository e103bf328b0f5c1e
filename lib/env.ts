import { z } from "zod";
import { REGION_PATTERN, REGION_RULE } from "./limits";

export const NETWORK_KEYS = ["testnet", "mainnet", "local"] as const;
export type NetworkKey = (typeof NETWORK_KEYS)[number];

const urlWith = (protocols: string[], message: string) =>
  z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), message);

const postgresUrl = urlWith(["postgres:", "postgresql:"], "must be a postgres:// or postgresql:// URL");
const httpUrl = urlWith(["http:", "https:"], "must be an http:// or https:// URL");

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const flag = z
  .enum(["0", "1", "true", "false"], { message: "must be 0, 1, true or false" })
  .transform((value) => value === "1" || value === "true");

const networkList = z
  .string()
  .trim()
  .transform((value) => [
    ...new Set(
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.enum(NETWORK_KEYS, { message: `each must be one of ${NETWORK_KEYS.join(", ")}` })).min(1));

const address = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address");

const variables = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: integer(1, 65535).default(3000),
  DATABASE_URL: postgresUrl.optional(),
  POSTGRES_URL: postgresUrl.optional(),
  PGLITE_DIR: z.string().trim().min(1).default(".data/pglite"),
  XMTP_NETWORKS: networkList.optional(),
  XMTP_NETWORK: networkList.optional(),
  TESTNET_RPC_URL: httpUrl.optional(),
  MAINNET_RPC_URL: httpUrl.optional(),
  SETTLEMENT_RPC_URL: httpUrl.optional(),
  NODE_REGISTRY_ADDRESS: address.optional(),
  NODE_REGISTRY_FROM_BLOCK: integer(0, Number.MAX_SAFE_INTEGER).default(0),
  PAYER_REGISTRY_ADDRESS: address.optional(),
  /** How far back a payer's Deposit and UsageSettled events are first read: about 30 days of Base blocks. */
  PAYER_EVENTS_LOOKBACK_BLOCKS: integer(1, 100_000_000).default(1_296_000),
  PROBE_REGION: z.string().trim().regex(REGION_PATTERN, REGION_RULE).default("local"),
  PROBE_INTERVAL_S: integer(5, 3600).default(30),
  PROBE_TIMEOUT_MS: integer(100, 60_000).default(5000),
  PROBE_DEGRADED_MS: integer(1, 60_000).default(1000),
  PROBE_ALLOW_PRIVATE: flag.default(false),
  DEMO_MODE: flag.default(false),
  PROBE_CONCURRENCY: integer(1, 1000).default(32),
  PROBE_PUSH_TOKEN: z.string().trim().min(1).optional(),
  PROBE_SPOOL_DIR: z.string().trim().min(1).default(".data/probe-spool"),
  RETENTION_PROBES_DAYS: integer(2, 3650).default(14),
  RETENTION_MINUTES_DAYS: integer(2, 3650).default(35),
  RETENTION_HOURS_DAYS: integer(2, 36500).default(400),
  RPC_TIMEOUT_MS: integer(100, 60_000).default(5000),
  INGEST_MAX_BODY_BYTES: integer(1024, 100 * 1024 * 1024).default(1024 * 1024),
  INGEST_RATE_LIMIT_PER_MIN: integer(1, 1_000_000).default(60),
  INGEST_AUTH_FAILURES_PER_MIN: integer(1, 1_000_000).default(20),
  TRUSTED_PROXY_HOPS: integer(0, 10).default(0),
  WORKER: z.enum(["inline", "off"], { message: "must be inline or off" }).default("inline"),
  ADMIN_ADDRESSES: z
    .string()
    .trim()
    .transform((value) => value.split(",").filter((part) => part.trim()))
    .pipe(z.array(address)) // which trims each
    .default([]),
});

/** Every variable the dashboard reads. */
export const ENV_VARIABLES = Object.keys(variables.shape);

// Stryker disable next-line StringLiteral: the issue code is never shown; only path and message reach the EnvError
const CUSTOM = "custom";

const envSchema = variables
  .superRefine((env, ctx) => {
    // Rollups are rebuilt from what is kept below them: a coarser level must outlive a finer one.
    const levels = [
      ["RETENTION_PROBES_DAYS", env.RETENTION_PROBES_DAYS],
      ["RETENTION_MINUTES_DAYS", env.RETENTION_MINUTES_DAYS],
      ["RETENTION_HOURS_DAYS", env.RETENTION_HOURS_DAYS],
    ] as const;
    levels.slice(1).forEach(([key, days], index) => {
      const [finer, finerDays] = levels[index] as (typeof levels)[number];
      if (days < finerDays)
        ctx.addIssue({ code: CUSTOM, path: [key], message: `must be at least ${finer} (${finerDays})` });
    });
    // Stryker disable next-line ArrayDeclaration: only whether the list includes local matters, and a placeholder entry is never local
    const networks = env.XMTP_NETWORKS ?? env.XMTP_NETWORK ?? [];
    if (networks.includes("local")) {
      for (const key of ["SETTLEMENT_RPC_URL", "NODE_REGISTRY_ADDRESS"] as const) {
        if (!env[key])
          ctx.addIssue({
            code: CUSTOM,
            path: [key],
            message: "is required when XMTP_NETWORKS includes local",
          });
      }
    }
  })
  .transform(({ XMTP_NETWORK, XMTP_NETWORKS, ...env }) => {
    const collected = XMTP_NETWORKS ?? XMTP_NETWORK ?? (["testnet", "mainnet"] as NetworkKey[]);
    return {
      ...env,
      XMTP_NETWORKS: collected,
      /** What a page without ?network= shows: XMTP_NETWORK, else the first network collected. */
      // Stryker disable next-line StringLiteral: a network list holds at least one network (min(1)), so the fallback never runs
      defaultNetwork: (XMTP_NETWORK ?? collected)[0] ?? "testnet",
      databaseUrl: env.DATABASE_URL ?? env.POSTGRES_URL,
    };
  });

export type Env = z.output<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; empty strings count as unset so `.env` placeholders stay harmless. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`), // each names its variable
  );
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
