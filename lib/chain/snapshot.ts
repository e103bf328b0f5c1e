import { type Address, BaseError, ContractFunctionRevertedError, type Hex, type PublicClient } from "viem";
import { nodeRegistryAbi } from "./abi";

export type SnapshotNode = {
  nodeId: number;
  owner: Address;
  signer: Address;
  isCanonical: boolean;
  signingPublicKey: Hex;
  httpAddress: string;
  tokenUri: string | null;
};

export type RegistrySnapshot = {
  blockNumber: bigint;
  nodes: SnapshotNode[];
  canonicalNodesCount: number;
  maxCanonicalNodes: number;
};

/** Reads every node with its owner and metadata URI, all at one block so the picture is consistent. */
export async function readRegistrySnapshot(
  client: PublicClient,
  { address, blockNumber, multicall }: { address: Address; blockNumber: bigint; multicall: boolean },
): Promise<RegistrySnapshot> {
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    client.readContract({
      address,
      abi: nodeRegistryAbi,
      functionName,
      args,
      blockNumber,
    } as never) as Promise<T>;
  const [all, canonicalCount, maxCanonical] = await Promise.all([
    read<readonly { nodeId: number; node: Omit<SnapshotNode, "nodeId" | "owner" | "tokenUri"> }[]>(
      // Stryker disable next-line StringLiteral: with no function name viem takes the ABI's first function, which is getAllNodes
      "getAllNodes",
    ),
    read<number>("canonicalNodesCount"),
    read<number>("maxCanonicalNodes"),
  ]);
  const ids = all.map((entry) => BigInt(entry.nodeId));
  const [owners, uris] = multicall
    ? await readPerNodeMulticall(client, address, ids, blockNumber)
    : await readPerNodePlain(read, ids);
  const nodes = all.map((entry, index) => {
    const owner = owners[index];
    if (!owner)
      throw new Error(`ownerOf(${entry.nodeId}) failed: the registry lists a node without an owner`);
    return {
      nodeId: entry.nodeId,
      owner,
      signer: entry.node.signer,
      isCanonical: entry.node.isCanonical,
      signingPublicKey: entry.node.signingPublicKey,
      httpAddress: entry.node.httpAddress,
      tokenUri: uris[index] || null, // "" means no metadata URI
    };
  });
  return {
    blockNumber,
    nodes,
    canonicalNodesCount: Number(canonicalCount),
    maxCanonicalNodes: Number(maxCanonical),
  };
}

async function readPerNodeMulticall(
  client: PublicClient,
  address: Address,
  ids: bigint[],
  blockNumber: bigint,
) {
  const calls = ids.flatMap((id) => [
    { address, abi: nodeRegistryAbi, functionName: "ownerOf" as const, args: [id] as const },
    { address, abi: nodeRegistryAbi, functionName: "tokenURI" as const, args: [id] as const },
  ]);
  const results = await client.multicall({ contracts: calls, allowFailure: true, blockNumber });
  const value = (index: number) => {
    const result = results[index];
    // A failed call's result is undefined, as no call's is.
    // Stryker disable next-line OptionalChaining: viem returns one result per call
    return (result?.result as string | undefined) ?? null;
  };
  return [ids.map((_, i) => value(2 * i) as Address | null), ids.map((_, i) => value(2 * i + 1))] as const;
}

// Without Multicall3 (a bare local chain): plain calls, a few at a time.
async function readPerNodePlain(
  read: <T>(name: string, args?: readonly unknown[]) => Promise<T>,
  ids: bigint[],
) {
  const owners: (Address | null)[] = [];
  const uris: (string | null)[] = [];
  for (let rest = ids; rest.length > 0; rest = rest.slice(8)) {
    const batch = rest.slice(0, 8);
    const pairs = await Promise.all(
      batch.map((id) =>
        Promise.all([
          read<Address>("ownerOf", [id]),
          read<string>("tokenURI", [id]).catch((error) => {
            if (isRevert(error)) return null; // a node may have no metadata URI
            throw error;
          }),
        ]),
      ),
    );
    for (const [owner, uri] of pairs) {
      owners.push(owner);
      uris.push(uri);
    }
  }
  return [owners, uris] as const;
}

function isRevert(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    error.walk((cause) => cause instanceof ContractFunctionRevertedError) !== null
  );
}
