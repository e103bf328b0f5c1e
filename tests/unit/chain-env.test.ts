import { describe, expect, it } from "vitest";
import { ENV_VARIABLES, EnvError, getEnv, parseEnv } from "@/lib/env";
import { envProblems } from "../support/env";

const ADDRESS = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("environment defaults", () => {
  it("gives every variable not covered elsewhere its documented default", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      NODE_REGISTRY_FROM_BLOCK: 0,
      PROBE_REGION: "local",
      PROBE_CONCURRENCY: 32,
      PROBE_SPOOL_DIR: ".data/probe-spool",
      RETENTION_PROBES_DAYS: 14,
      RETENTION_MINUTES_DAYS: 35,
      RETENTION_HOURS_DAYS: 400,
      RPC_TIMEOUT_MS: 5000,
      INGEST_MAX_BODY_BYTES: 1024 * 1024,
      INGEST_RATE_LIMIT_PER_MIN: 60,
      INGEST_AUTH_FAILURES_PER_MIN: 20,
      TRUSTED_PROXY_HOPS: 0,
      ADMIN_ADDRESSES: [],
    });
    expect(env.PROBE_PUSH_TOKEN).toBeUndefined();
    expect(env.NODE_REGISTRY_ADDRESS).toBeUndefined();
    expect(env.SETTLEMENT_RPC_URL).toBeUndefined();
    expect(Object.keys(env)).not.toContain("XMTP_NETWORK");
  });

  it("lists every variable it reads", () => {
    expect(ENV_VARIABLES).toContain("NODE_ENV");
    expect(ENV_VARIABLES).toContain("ADMIN_ADDRESSES");
    expect(ENV_VARIABLES).toContain("XMTP_NETWORK");
  });
});

describe("whole-number variables", () => {
  it("accept a number with surrounding spaces and the bounds themselves", () => {
    expect(parseEnv({ PORT: " 8080 " }).PORT).toBe(8080);
    expect(parseEnv({ PORT: "1" }).PORT).toBe(1);
    expect(parseEnv({ PORT: "65535" }).PORT).toBe(65535);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "10" }).TRUSTED_PROXY_HOPS).toBe(10);
    expect(parseEnv({ PROBE_TIMEOUT_MS: "100" }).PROBE_TIMEOUT_MS).toBe(100);
  });

  it("refuse anything but digits, naming the variable", () => {
    for (const value of ["1.5", "-1", "8080x", "x8080", "1e3"])
      expect(envProblems({ PORT: value }), value).toEqual(["PORT: must be a whole number"]);
  });

  it("refuse a value outside the variable's range, saying which bound", () => {
    expect(envProblems({ PORT: "0" })).toEqual(["PORT: Too small: expected number to be >=1"]);
    expect(envProblems({ PORT: "65536" })).toEqual(["PORT: Too big: expected number to be <=65535"]);
    expect(envProblems({ PROBE_INTERVAL_S: "4" })[0]).toMatch(/^PROBE_INTERVAL_S: Too small/);
    expect(envProblems({ PROBE_INTERVAL_S: "3601" })[0]).toMatch(/^PROBE_INTERVAL_S: Too big/);
    expect(envProblems({ TRUSTED_PROXY_HOPS: "11" })[0]).toMatch(/^TRUSTED_PROXY_HOPS: Too big/);
    expect(envProblems({ INGEST_MAX_BODY_BYTES: "1023" })[0]).toMatch(/^INGEST_MAX_BODY_BYTES: Too small/);
  });
});

describe("flags, names and addresses", () => {
  it("read 1 and true as on, 0 and false as off, and refuse anything else", () => {
    expect(parseEnv({ PROBE_ALLOW_PRIVATE: "1" }).PROBE_ALLOW_PRIVATE).toBe(true);
    expect(parseEnv({ PROBE_ALLOW_PRIVATE: "true" }).PROBE_ALLOW_PRIVATE).toBe(true);
    expect(parseEnv({ PROBE_ALLOW_PRIVATE: "0" }).PROBE_ALLOW_PRIVATE).toBe(false);
    expect(parseEnv({ PROBE_ALLOW_PRIVATE: "false" }).PROBE_ALLOW_PRIVATE).toBe(false);
    expect(envProblems({ PROBE_ALLOW_PRIVATE: "yes" })).toEqual([
      "PROBE_ALLOW_PRIVATE: must be 0, 1, true or false",
    ]);
  });

  it("accept the three run modes and refuse others", () => {
    expect(parseEnv({ NODE_ENV: "production" }).NODE_ENV).toBe("production");
    expect(parseEnv({ WORKER: "off" }).WORKER).toBe("off");
    expect(envProblems({ WORKER: "cron" })).toEqual(["WORKER: must be inline or off"]);
    expect(envProblems({ NODE_ENV: "staging" })[0]).toMatch(/^NODE_ENV:/);
  });

  it("trim text settings and refuse ones that are only spaces", () => {
    expect(parseEnv({ PGLITE_DIR: " /var/pglite " }).PGLITE_DIR).toBe("/var/pglite");
    expect(parseEnv({ PROBE_SPOOL_DIR: " /var/spool " }).PROBE_SPOOL_DIR).toBe("/var/spool");
    expect(parseEnv({ PROBE_PUSH_TOKEN: " s3cret " }).PROBE_PUSH_TOKEN).toBe("s3cret");
    expect(envProblems({ PGLITE_DIR: "  " })[0]).toMatch(/^PGLITE_DIR:/);
    expect(envProblems({ PROBE_SPOOL_DIR: "  " })[0]).toMatch(/^PROBE_SPOOL_DIR:/);
    expect(envProblems({ PROBE_PUSH_TOKEN: "  " })[0]).toMatch(/^PROBE_PUSH_TOKEN:/);
  });

  it("take a probe region of lowercase letters, digits and dashes", () => {
    expect(parseEnv({ PROBE_REGION: " eu-west-1 " }).PROBE_REGION).toBe("eu-west-1");
    expect(envProblems({ PROBE_REGION: "EU West" })).toEqual([
      "PROBE_REGION: must be lowercase letters, digits and dashes (at most 40)",
    ]);
  });

  it("take a registry address of exactly 20 hex bytes, trimmed", () => {
    expect(parseEnv({ NODE_REGISTRY_ADDRESS: ` ${ADDRESS} ` }).NODE_REGISTRY_ADDRESS).toBe(ADDRESS);
    for (const value of [ADDRESS.slice(0, -1), `${ADDRESS}0`, ADDRESS.slice(2), `x${ADDRESS}`])
      expect(envProblems({ NODE_REGISTRY_ADDRESS: value }), value).toEqual([
        "NODE_REGISTRY_ADDRESS: must be a 0x-prefixed 20-byte hex address",
      ]);
  });

  it("split ADMIN_ADDRESSES on commas, dropping blanks, naming the position of a bad one", () => {
    expect(parseEnv({ ADMIN_ADDRESSES: ` ${ADDRESS} ,, ` }).ADMIN_ADDRESSES).toEqual([ADDRESS]);
    expect(envProblems({ ADMIN_ADDRESSES: `${ADDRESS},bob` })).toEqual([
      "ADMIN_ADDRESSES.1: must be a 0x-prefixed 20-byte hex address",
    ]);
  });
});

describe("URLs", () => {
  it("take http and https RPC URLs, trimmed, and refuse other schemes or non-URLs", () => {
    expect(parseEnv({ TESTNET_RPC_URL: " https://rpc.example.org " }).TESTNET_RPC_URL).toBe(
      "https://rpc.example.org",
    );
    expect(parseEnv({ MAINNET_RPC_URL: "http://127.0.0.1:8545" }).MAINNET_RPC_URL).toBe(
      "http://127.0.0.1:8545",
    );
    expect(envProblems({ SETTLEMENT_RPC_URL: "ws://127.0.0.1:8545" })).toEqual([
      "SETTLEMENT_RPC_URL: must be an http:// or https:// URL",
    ]);
    expect(envProblems({ MAINNET_RPC_URL: "rpc.example.org" })).toEqual([
      "MAINNET_RPC_URL: must be an http:// or https:// URL",
    ]);
  });

  it("take postgres and postgresql database URLs, trimmed", () => {
    expect(parseEnv({ DATABASE_URL: " postgres://a@h/db " }).databaseUrl).toBe("postgres://a@h/db");
    expect(envProblems({ POSTGRES_URL: "http://h/db" })).toEqual([
      "POSTGRES_URL: must be a postgres:// or postgresql:// URL",
    ]);
  });
});

describe("the networks to follow", () => {
  it("drop blanks and repeats, keeping the order given", () => {
    expect(parseEnv({ XMTP_NETWORKS: " mainnet , testnet,mainnet ," }).XMTP_NETWORKS).toEqual([
      "mainnet",
      "testnet",
    ]);
  });

  it("prefer XMTP_NETWORKS over XMTP_NETWORK", () => {
    expect(parseEnv({ XMTP_NETWORKS: "testnet", XMTP_NETWORK: "mainnet" }).XMTP_NETWORKS).toEqual([
      "testnet",
    ]);
  });

  it("refuse a list that names no network or an unknown one, listing the known ones", () => {
    expect(envProblems({ XMTP_NETWORKS: " , " })[0]).toMatch(/^XMTP_NETWORKS: Too small/);
    expect(envProblems({ XMTP_NETWORK: "devnet" })).toEqual([
      "XMTP_NETWORK.0: each must be one of testnet, mainnet, local",
    ]);
  });

  it("require the local registry's RPC and address when local is followed through XMTP_NETWORK too", () => {
    expect(envProblems({ XMTP_NETWORK: "testnet,local", NODE_REGISTRY_ADDRESS: ADDRESS })).toEqual([
      "SETTLEMENT_RPC_URL: is required when XMTP_NETWORKS includes local",
    ]);
    expect(envProblems({ XMTP_NETWORKS: "local", SETTLEMENT_RPC_URL: "http://127.0.0.1:8545" })).toEqual([
      "NODE_REGISTRY_ADDRESS: is required when XMTP_NETWORKS includes local",
    ]);
    expect(parseEnv({ XMTP_NETWORKS: "testnet" }).NODE_REGISTRY_ADDRESS).toBeUndefined();
  });
});

describe("retention", () => {
  it("allows a coarser level kept exactly as long as the finer one", () => {
    const env = parseEnv({
      RETENTION_PROBES_DAYS: "35",
      RETENTION_MINUTES_DAYS: "35",
      RETENTION_HOURS_DAYS: "35",
    });
    expect(env.RETENTION_HOURS_DAYS).toBe(35);
  });

  it("names each level that is shorter than the one below it", () => {
    expect(
      envProblems({ RETENTION_PROBES_DAYS: "30", RETENTION_MINUTES_DAYS: "20", RETENTION_HOURS_DAYS: "10" }),
    ).toEqual([
      "RETENTION_MINUTES_DAYS: must be at least RETENTION_PROBES_DAYS (30)",
      "RETENTION_HOURS_DAYS: must be at least RETENTION_MINUTES_DAYS (20)",
    ]);
  });
});

describe("an invalid environment", () => {
  it("is an EnvError listing each problem on its own line", () => {
    let caught: unknown;
    try {
      parseEnv({ PORT: "x", WORKER: "cron" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const error = caught as EnvError;
    expect(error.name).toBe("EnvError");
    expect(error.message).toBe(
      "Invalid environment:\n  - PORT: must be a whole number\n  - WORKER: must be inline or off",
    );
  });
});

describe("the process environment", () => {
  it("is parsed once and then reused", () => {
    const env = getEnv();
    expect(env.NODE_ENV).toBe(process.env.NODE_ENV ?? "development");
    expect(getEnv()).toBe(env);
  });
});
