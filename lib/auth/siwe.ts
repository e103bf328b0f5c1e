import { getAddress, isAddress } from "viem";
import { parseSiweMessage, validateSiweMessage } from "viem/siwe";

/** A sign-in nonce lives 10 minutes and is used once; a session 12 hours. */
export const NONCE_TTL_MS = 10 * 60_000;
export const SESSION_TTL_MS = 12 * 3_600_000;
/** Clocks differ: a message issued up to this far in the future is still taken. */
const CLOCK_SKEW_MS = 60_000;

export type SiweExpected = {
  /** The host the browser signed for (`dashboard.example.org`, with a port where there is one). */
  domain: string;
  /** The dashboard's origin: the message's `uri` must be on it. */
  origin: string;
  chainId: number;
  now: Date;
};

export type SiweChecked = { ok: true; address: `0x${string}`; nonce: string } | { ok: false; error: string };

/**
 * An EIP-4361 message checked against what this server asked for: its domain, origin, chain and
 * time. The nonce's freshness and the signature are checked by the caller, against the store and
 * the chain.
 */
export function checkSiweMessage(text: string, expected: SiweExpected): SiweChecked {
  const message = parseSiweMessage(text);
  const fail = (error: string): SiweChecked => ({ ok: false, error });
  if (!message.address || !isAddress(message.address, { strict: false }))
    return fail("the message names no valid address");
  if (!message.nonce) return fail("the message has no nonce");
  if (message.domain !== expected.domain)
    return fail(`the message is for ${message.domain ?? "no domain"}, not ${expected.domain}`);
  if (!message.uri || !sameOrigin(message.uri, expected.origin))
    return fail(`the message's URI is not on ${expected.origin}`);
  if (message.chainId !== expected.chainId)
    return fail(`the message is for chain ${message.chainId ?? "none"}, not ${expected.chainId}`);
  const now = expected.now.getTime();
  const issued = message.issuedAt?.getTime();
  if (issued === undefined || Number.isNaN(issued)) return fail("the message has no issue time");
  if (issued > now + CLOCK_SKEW_MS) return fail("the message was issued in the future");
  if (issued < now - NONCE_TTL_MS) return fail("the message is more than 10 minutes old");
  if (!validateSiweMessage({ message, domain: expected.domain, time: expected.now }))
    return fail("the message has expired, is not yet valid, or is malformed");
  return { ok: true, address: getAddress(message.address), nonce: message.nonce };
}

const sameOrigin = (uri: string, origin: string) => {
  try {
    return new URL(uri).origin === new URL(origin).origin;
  } catch {
    return false;
  }
};

/** Whether an address is one of the team's (ADMIN_ADDRESSES), in any letter case. */
export const isAdminAddress = (address: string, admins: readonly string[]) =>
  admins.some((admin) => admin.toLowerCase() === address.toLowerCase());
