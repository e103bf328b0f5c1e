/** The demo's nodes as the specs refer to them (simulation/demo-world.ts builds them). */
export const DEMO = {
  canonical: 5,
  maxCanonical: 7,
  registered: 7,
  /** Always up, registered before the 90 days shown. */
  steady: { nodeId: 100, version: "v0.5.2" },
  /** Its address changed 40 days ago. */
  moved: { nodeId: 200 },
  /** Not canonical, and healthy. */
  extra: { nodeId: 600 },
  /** Bad metadata; answers HTTP 503 since it left the canonical set 20 days ago. */
  broken: { nodeId: 700, registeredDaysAgo: 60 },
} as const;
