export const THROUGHPUT_KINDS = ["offchain_burst", "onchain_burst", "sustained_daily"] as const;
export type ThroughputKind = (typeof THROUGHPUT_KINDS)[number];

export const INTEGRATION_FORMATS = ["junit", "json"] as const;
export const TEST_CASE_STATUSES = ["passed", "failed", "skipped"] as const;
