import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, parseEnv } from "@/lib/env";
import { envProblems } from "../support/env";

describe("environment validation", () => {
  it("gives every variable its documented default", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.PGLITE_DIR).toBe(".data/pglite");
    expect(env.XMTP_NETWORKS).toEqual(["testnet", "mainnet"]);
    expect(env.PROBE_INTERVAL_S).toBe(30);
    expect(env.PROBE_TIMEOUT_MS).toBe(5000);
    expect(env.PROBE_DEGRADED_MS).toBe(1000);
    expect(env.PROBE_ALLOW_PRIVATE).toBe(false);
    expect(env.WORKER).toBe("inline");
    expect(env.databaseUrl).toBeUndefined();
  });

  it("rejects a malformed DATABASE_URL, naming it", () => {
    const problems = envProblems({ DATABASE_URL: "not a url" });
    expect(problems).toEqual(["DATABASE_URL: must be a postgres:// or postgresql:// URL"]);
    expect(envProblems({ DATABASE_URL: "mysql://localhost/db" })[0]).toMatch(/^DATABASE_URL:/);
  });

  it("keeps each rollup level at least as long as the level below it", () => {
    expect(envProblems({ RETENTION_PROBES_DAYS: "40" })).toEqual([
      "RETENTION_MINUTES_DAYS: must be at least RETENTION_PROBES_DAYS (40)",
    ]);
    expect(envProblems({ RETENTION_HOURS_DAYS: "30" })).toEqual([
      "RETENTION_HOURS_DAYS: must be at least RETENTION_MINUTES_DAYS (35)",
    ]);
  });

  it("rejects a non-numeric PROBE_INTERVAL_S, naming it", () => {
    expect(envProblems({ PROBE_INTERVAL_S: "thirty" })).toEqual(["PROBE_INTERVAL_S: must be a whole number"]);
  });

  it("names every bad variable at once, and says what start-up needs", () => {
    const problems = envProblems({
      PORT: "http",
      PROBE_ALLOW_PRIVATE: "maybe",
      XMTP_NETWORKS: "testnet,devnet",
    });
    expect(problems.map((problem) => problem.split(":")[0])).toEqual([
      "PORT",
      "XMTP_NETWORKS.1",
      "PROBE_ALLOW_PRIVATE",
    ]);
    expect(() => parseEnv({ PORT: "http" })).toThrow(
      /Invalid environment:\n {2}- PORT: must be a whole number/,
    );
  });

  it("uses POSTGRES_URL when DATABASE_URL is unset, and prefers DATABASE_URL", () => {
    expect(parseEnv({ POSTGRES_URL: "postgres://a@h/db" }).databaseUrl).toBe("postgres://a@h/db");
    expect(
      parseEnv({ POSTGRES_URL: "postgres://a@h/one", DATABASE_URL: "postgresql://a@h/two" }).databaseUrl,
    ).toBe("postgresql://a@h/two");
  });

  it("accepts XMTP_NETWORK for a single network and requires the local registry settings for local", () => {
    expect(parseEnv({ XMTP_NETWORK: "mainnet" }).XMTP_NETWORKS).toEqual(["mainnet"]);
    expect(envProblems({ XMTP_NETWORKS: "local" })).toEqual([
      "SETTLEMENT_RPC_URL: is required when XMTP_NETWORKS includes local",
      "NODE_REGISTRY_ADDRESS: is required when XMTP_NETWORKS includes local",
    ]);
    const local = parseEnv({
      XMTP_NETWORKS: "local",
      SETTLEMENT_RPC_URL: "http://127.0.0.1:8545",
      NODE_REGISTRY_ADDRESS: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
      NODE_REGISTRY_FROM_BLOCK: "12",
    });
    expect(local.NODE_REGISTRY_FROM_BLOCK).toBe(12);
  });

  it("shows XMTP_NETWORK by default, else the first network collected, else testnet", () => {
    expect(parseEnv({}).defaultNetwork).toBe("testnet");
    expect(parseEnv({ XMTP_NETWORKS: "mainnet,testnet" }).defaultNetwork).toBe("mainnet");
    expect(parseEnv({ XMTP_NETWORK: "mainnet" }).defaultNetwork).toBe("mainnet");
    expect(parseEnv({ XMTP_NETWORKS: "testnet,mainnet", XMTP_NETWORK: "mainnet" }).defaultNetwork).toBe(
      "mainnet",
    );
  });

  it("treats empty values as unset, so a copied .env.example works", () => {
    expect(parseEnv({ DATABASE_URL: "", PROBE_INTERVAL_S: "" }).PROBE_INTERVAL_S).toBe(30);
  });

  it("parses ADMIN_ADDRESSES and rejects one that is not an address", () => {
    const a = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    expect(parseEnv({ ADMIN_ADDRESSES: `${a}, ${a.toLowerCase()}` }).ADMIN_ADDRESSES).toHaveLength(2);
    expect(parseEnv({ ADMIN_ADDRESSES: ` ${a} , ,${a},` }).ADMIN_ADDRESSES).toEqual([a, a]); // blanks skipped
    expect(envProblems({ ADMIN_ADDRESSES: "alice" })[0]).toMatch(
      /^ADMIN_ADDRESSES\.0: must be a 0x-prefixed/,
    );
  });
});

describe(".env.example", () => {
  it("documents every variable the dashboard reads", async () => {
    const { readFile } = await import("node:fs/promises");
    const example = await readFile(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = new Set([...example.matchAll(/^# ([A-Z_]+)=/gm)].map((match) => match[1]));
    expect(ENV_VARIABLES.filter((name) => name !== "NODE_ENV" && !documented.has(name))).toEqual([]);
  });
});
