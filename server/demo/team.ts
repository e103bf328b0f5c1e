import { keccak256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

/**
 * The demo's team member: a key everyone can derive (it guards nothing but a simulated network),
 * so a visitor can try the console without a wallet. Only demo mode signs with it.
 */
export const DEMO_TEAM = privateKeyToAccount(keccak256(toHex("xmtp-decentralization-dashboard demo team")));
