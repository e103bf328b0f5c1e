/** Whether an outside source of a network's data answered when last asked. */
export const SOURCE_STATUSES = ["ok", "unreachable", "unknown"] as const;
export type SourceState = (typeof SOURCE_STATUSES)[number];

/** An outside source of a network's data (RPC, registry, metadata) and how it last answered. */
export type DataSourceStatus = {
  network: string;
  networkName: string;
  source: string | null;
  endpoint: string | null;
  status: SourceState;
  lastCheckedAt: Date | null;
  lastOkAt: Date | null;
  failingSince: Date | null;
  lastError: string | null;
};

/** What the registry says about a network right now. */
export type NetworkNow = {
  network: string;
  nodes: number;
  canonical: number;
  maxCanonicalNodes: number | null;
  registrySyncedAt: Date | null;
  registryBlock: number | null;
};
