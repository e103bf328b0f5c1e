import type { RegistryEventName } from "./abi";

const ZERO = "0x0000000000000000000000000000000000000000";

export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** One registry event in words, for a node's history ("Added to the canonical network"). */
export function describeRegistryEvent(event: {
  eventName: RegistryEventName;
  args: Record<string, string | number | boolean>;
}): string {
  const { args } = event;
  switch (event.eventName) {
    case "NodeAdded":
      return `Registered by ${shortAddress(String(args.owner))} at ${args.httpAddress}`;
    case "HttpAddressUpdated":
      return `Address changed to ${args.httpAddress}`;
    case "NodeAddedToCanonicalNetwork":
      return "Added to the canonical network";
    case "NodeRemovedFromCanonicalNetwork":
      return "Removed from the canonical network";
    case "Transfer":
      return args.from === ZERO
        ? `Ownership NFT minted to ${shortAddress(String(args.to))}`
        : `Ownership transferred from ${shortAddress(String(args.from))} to ${shortAddress(String(args.to))}`;
  }
}
