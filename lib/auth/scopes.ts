/** What an ingest token may push: one scope per ingest endpoint. */
export const INGEST_SCOPES = ["benchmarks", "tests", "forks", "throughput", "probes"] as const;
export type IngestScope = (typeof INGEST_SCOPES)[number];
