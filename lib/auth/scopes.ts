/** What an ingest token may push: one scope per ingest endpoint. */
export const INGEST_SCOPES = ["benchmarks", "tests", "forks", "throughput", "probes"] as const;
export type IngestScope = (typeof INGEST_SCOPES)[number];

/** The one scope of a partner's token, given only with the partner it belongs to. */
export const PARTNER_SCOPE = "partner_runs";
export type TokenScope = IngestScope | typeof PARTNER_SCOPE;
