import { checkNode } from "./checks";
import type { NodeMetadata } from "./metadata";

/** A registry node as stored: identity from the chain, metadata from its operator, names from the team. */
export type NodeRecord = {
  network: string;
  nodeId: number;
  owner: string;
  signer: string;
  signingPublicKey: string;
  httpAddress: string;
  isCanonical: boolean;
  inRegistry: boolean;
  metadata: NodeMetadata | null;
  metadataError: string | null;
  registeredAt: Date | null;
  firstSeenBlock: number | null;
  operatorName: string | null;
  region: string | null;
  displayName: string | null;
};

/** A node as pages show it: the team's names before the operator's metadata, and its checks. */
export function presentNode(row: NodeRecord) {
  return {
    ...row,
    name: row.displayName ?? row.operatorName ?? row.metadata?.operator_name ?? null,
    regionName: row.region ?? row.metadata?.region ?? null,
    checks: checkNode(
      {
        httpAddress: row.httpAddress,
        signer: row.signer,
        signingPublicKey: row.signingPublicKey,
        metadataError: row.metadataError,
      },
      { requireHttps: row.network !== "local" },
    ),
  };
}

export type RegistryNode = ReturnType<typeof presentNode>;
