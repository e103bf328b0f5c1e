import { z } from "zod";
import { type Env, NETWORK_KEYS, type NetworkKey } from "./env";

const networkKey = z.enum(NETWORK_KEYS);

/**
 * The `?network=` of a page: the default network when absent, undefined when the value names no network this
 * dashboard collects (a page for a network nobody collects would pass for that network's figures).
 */
export function parseNetworkParam(
  value: string | string[] | undefined,
  env: Pick<Env, "defaultNetwork" | "XMTP_NETWORKS">,
): NetworkKey | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return env.defaultNetwork;
  const result = networkKey.safeParse(first);
  return result.success && env.XMTP_NETWORKS.includes(result.data) ? result.data : undefined;
}

/** `?network=` of an API: optional, one of the networks collected here (errors name them). */
export const collectedNetworkParam = ({ XMTP_NETWORKS: collected }: Pick<Env, "XMTP_NETWORKS">) =>
  z
    .enum(NETWORK_KEYS)
    .refine((network) => collected.includes(network), {
      error: `is not collected here (collected: ${collected.join(", ")})`,
    })
    .optional();
