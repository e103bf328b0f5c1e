import { describe, expect, it } from "vitest";
import { bearerToken, generateIngestToken, hashIngestToken, parseScopes } from "@/lib/auth/tokens";

describe("ingest tokens", () => {
  it("are random, prefixed, and stored only as a SHA-256 hash", () => {
    const a = generateIngestToken();
    const b = generateIngestToken();
    expect(a.token).toMatch(/^xdm_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashIngestToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accept only known scopes, naming the unknown ones", () => {
    expect(parseScopes("benchmarks, tests,benchmarks")).toEqual(["benchmarks", "tests"]);
    expect(() => parseScopes("benchmarks,admin")).toThrow(
      "unknown scope admin: scopes are benchmarks, tests, forks, throughput, probes",
    );
    expect(() => parseScopes(" , ")).toThrow(/give at least one scope/);
  });

  it("are read from an Authorization: Bearer header only", () => {
    expect(bearerToken("Bearer xdm_abc")).toBe("xdm_abc");
    expect(bearerToken("bearer   xdm_abc ")).toBe("xdm_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
  });
});
