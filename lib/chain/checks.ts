import { getAddress, type Hex, isHex } from "viem";
import { publicKeyToAddress } from "viem/accounts";

export type NodeCheck =
  | { kind: "address_invalid"; message: string }
  | { kind: "address_not_https"; message: string }
  | { kind: "signer_mismatch"; message: string }
  | { kind: "metadata_failed"; message: string };

export type CheckedNode = {
  httpAddress: string;
  signer: string;
  signingPublicKey: string;
  metadataError: string | null;
};

/** Problems the dashboard flags on a node; an operator's registry entry is untrusted input. */
export function checkNode(node: CheckedNode, { requireHttps }: { requireHttps: boolean }): NodeCheck[] {
  const checks: NodeCheck[] = [];
  const address = checkHttpAddress(node.httpAddress, { requireHttps });
  if (address) checks.push(address);
  if (!signerMatchesKey(node.signer, node.signingPublicKey)) {
    checks.push({
      kind: "signer_mismatch",
      message: "the signer is not the address of the signing public key",
    });
  }
  if (node.metadataError)
    checks.push({ kind: "metadata_failed", message: `metadata: ${node.metadataError}` });
  return checks;
}

export function checkHttpAddress(
  value: string,
  { requireHttps }: { requireHttps: boolean },
): NodeCheck | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return {
      kind: "address_invalid",
      message: value ? "the http address is not a URL" : "the http address is empty",
    };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { kind: "address_invalid", message: `the http address uses ${url.protocol}, not https` };
  }
  if (url.username || url.password)
    return { kind: "address_invalid", message: "the http address carries credentials" };
  if (requireHttps && url.protocol !== "https:") {
    return { kind: "address_not_https", message: "the http address is not https" };
  }
  return null;
}

/** The signer must be keccak256(public key)'s last 20 bytes: a 65-byte uncompressed secp256k1 key. */
export function signerMatchesKey(signer: string, signingPublicKey: string): boolean {
  // viem refuses any other length or prefix itself, but hashes a key that is not hex as text.
  if (!isHex(signingPublicKey)) return false;
  try {
    return publicKeyToAddress(signingPublicKey as Hex) === getAddress(signer);
  } catch {
    return false;
  }
}
