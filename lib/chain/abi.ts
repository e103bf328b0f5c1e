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

/**
 * The parts of xmtp/smart-contracts' PayerRegistry the partner checks read. Amounts are in the fee
 * token's 6 decimals; a balance is signed (int104): below zero, the payer owes settled usage.
 */
export const payerRegistryAbi = parseAbi([
  "function getBalances(address[] payers) view returns (int104[] balances)",
  "function minimumDeposit() view returns (uint96)",
  "event Deposit(address indexed payer, uint96 amount)",
  "event UsageSettled(bytes32 indexed payerReportId, address indexed payer, uint96 amount)",
]);
