/** The `local` network tests/e2e/server.ts builds, as the specs refer to it. */
export const LOCAL_NETWORK = {
  /** Canonical: 100 and 200 (unreachable example.org addresses), 400 and 500 (simulated nodes). */
  canonical: 4,
  maxCanonical: 7,
  healthy: { nodeId: 400, version: "v0.9.1-e2e" },
  failing: { nodeId: 500 },
} as const;
