import { keccak256, toHex } from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** The e2e suite's team wallet: the demo server it starts lists its address in ADMIN_ADDRESSES. */
export const E2E_WALLET = privateKeyToAccount(keccak256(toHex("xmtp dashboard e2e team wallet")));
