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
  country: string | null;
  website: string | null;
};

/** A fact about a node: the team's value where it set one, beside what the operator's metadata says. */
export type NodeFact = { value: string | null; setByTeam: boolean; fromMetadata: string | null };

const fact = (team: string | null, metadata: string | null | undefined): NodeFact => ({
  value: team ?? metadata ?? null,
  setByTeam: team !== null,
  fromMetadata: metadata ?? null,
});

/** A node as pages show it: the team's names before the operator's metadata, and its checks. */
export function presentNode(row: NodeRecord) {
  return {
    ...row,
    name: row.displayName ?? row.operatorName ?? row.metadata?.operator_name ?? null,
    regionName: row.region ?? row.metadata?.region ?? null,
    facts: {
      operator: fact(row.displayName ?? row.operatorName, row.metadata?.operator_name),
      region: fact(row.region, row.metadata?.region),
      country: fact(row.country, null),
      website: fact(row.website, row.metadata?.external_url),
    },
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
