import { type Chain, defineChain } from "viem";
import { base, baseSepolia } from "viem/chains";
import type { Env, NetworkKey } from "../env";

export type NetworkPreset = {
  key: NetworkKey;
  name: string;
  chainName: string;
  chainId: number;
  registryAddress: `0x${string}` | null;
  registryFromBlock: number;
  /** The PayerRegistry app gateways deposit into (settlement chain, beside the node registry). */
  payerRegistryAddress: `0x${string}` | null;
  rpcUrl: string | null;
  explorerUrl: string | null;
  /** Base and Base Sepolia carry Multicall3; a bare local chain does not. */
  chain: Chain;
  hasMulticall: boolean;
  /** Operators' addresses must be https, except on a local network of test servers. */
  requireHttps: boolean;
};

const localChain = (rpcUrl: string | null) =>
  defineChain({
    id: 31337,
    name: "Local EVM",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: rpcUrl ? [rpcUrl] : [] } },
  });

/** Registry deployments from the domain brief §4; `local` comes from the environment. */
export function networkPresets(env: Env): NetworkPreset[] {
  return [
    {
      key: "testnet",
      name: "Testnet",
      chainName: "Base Sepolia",
      chainId: baseSepolia.id,
      registryAddress: "0x7C639a2be8B75c4799c1372A42448f41B89D88DE",
      registryFromBlock: 29_322_114,
      payerRegistryAddress: "0xF0bd6Ac8AA00BA083cF95C5438B33488cbd2562B",
      rpcUrl: env.TESTNET_RPC_URL ?? "https://sepolia.base.org",
      explorerUrl: "https://sepolia.basescan.org",
      chain: baseSepolia,
      hasMulticall: true,
      requireHttps: true,
    },
    {
      key: "mainnet",
      name: "Mainnet",
      chainName: "Base",
      chainId: base.id,
      registryAddress: "0xC5742B5F2e19B859eaE03A9c44531C33fA8e75F8",
      registryFromBlock: 39_249_922,
      payerRegistryAddress: "0xd1c78Dee5d58eCCF1cF1CAABbfc9837215f1B82B",
      rpcUrl: env.MAINNET_RPC_URL ?? "https://mainnet.base.org",
      explorerUrl: "https://basescan.org",
      chain: base,
      hasMulticall: true,
      requireHttps: true,
    },
    {
      key: "local",
      // `npm run demo` runs a simulated network on this machine: it must never read as testnet or mainnet.
      name: env.DEMO_MODE ? "Demo network (simulated)" : "Local",
      chainName: env.DEMO_MODE ? "Simulated EVM on this machine" : "Local EVM",
      chainId: 31337,
      registryAddress: (env.NODE_REGISTRY_ADDRESS as `0x${string}` | undefined) ?? null,
      registryFromBlock: env.NODE_REGISTRY_FROM_BLOCK,
      payerRegistryAddress: (env.PAYER_REGISTRY_ADDRESS as `0x${string}` | undefined) ?? null,
      rpcUrl: env.SETTLEMENT_RPC_URL ?? null,
      explorerUrl: null,
      chain: localChain(env.SETTLEMENT_RPC_URL ?? null),
      hasMulticall: false,
      requireHttps: false,
    },
  ];
}

export function networkPreset(env: Env, key: NetworkKey): NetworkPreset {
  const preset = networkPresets(env).find((candidate) => candidate.key === key);
  if (!preset) throw new Error(`unknown network ${key}`);
  return preset;
}
