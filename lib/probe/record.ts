import type { SyncCursor } from "./grpc-web";

export const PROBE_OUTCOMES = ["up", "degraded", "down"] as const;
export type ProbeOutcome = (typeof PROBE_OUTCOMES)[number];

export const PROBE_ERROR_CLASSES = [
  "timeout",
  "refused",
  "dns",
  "tls",
  "http_status",
  "grpc_status",
  "malformed",
  "blocked_address",
  "other",
] as const;
export type ProbeErrorClass = (typeof PROBE_ERROR_CLASSES)[number];

/** Who measured a stored probe: this dashboard's own prober, or one in another region pushing to it. */
export const PROBE_SOURCES = ["local", "remote"] as const;
export type ProbeSource = (typeof PROBE_SOURCES)[number];

/** One probe of one node, as the prober measures it. */
export type ProbeRecord = {
  nodeId: number;
  at: Date;
  outcome: ProbeOutcome;
  latencyMs: number | null;
  version: string | null;
  httpStatus: number | null;
  grpcStatus: number | null;
  errorClass: ProbeErrorClass | null;
  error: string | null;
  cursor: SyncCursor | null;
};

/** A probe to store: what a remote prober may leave out is missing, not null. */
export type ProbeInput = Pick<ProbeRecord, "nodeId" | "at" | "outcome"> &
  Partial<Omit<ProbeRecord, "nodeId" | "at" | "outcome">>;
