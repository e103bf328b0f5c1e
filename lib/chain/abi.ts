import { parseAbi } from "viem";

/**
 * The parts of xmtp/smart-contracts' NodeRegistry the dashboard reads (full ABI:
 * shared/reference/NodeRegistry.abi.json; a test keeps these signatures equal to it).
 */
export const nodeRegistryAbi = parseAbi([
  "struct Node { address signer; bool isCanonical; bytes signingPublicKey; string httpAddress; }",
  "struct NodeWithId { uint32 nodeId; Node node; }",
  "function getAllNodes() view returns (NodeWithId[] allNodes_)",
  "function ownerOf(uint256 tokenId) view returns (address)",
  "function tokenURI(uint256 tokenId) view returns (string)",
  "function canonicalNodesCount() view returns (uint8)",
  "function maxCanonicalNodes() view returns (uint8)",
  "event NodeAdded(uint32 indexed nodeId, address indexed owner, address indexed signer, bytes signingPublicKey, string httpAddress)",
  "event HttpAddressUpdated(uint32 indexed nodeId, string httpAddress)",
  "event NodeAddedToCanonicalNetwork(uint32 indexed nodeId)",
  "event NodeRemovedFromCanonicalNetwork(uint32 indexed nodeId)",
  "event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)",
]);

export const REGISTRY_EVENT_NAMES = [
  "NodeAdded",
  "HttpAddressUpdated",
  "NodeAddedToCanonicalNetwork",
  "NodeRemovedFromCanonicalNetwork",
  "Transfer",
] as const;
export type RegistryEventName = (typeof REGISTRY_EVENT_NAMES)[number];
