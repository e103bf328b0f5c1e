import { describe, expect, it } from "vitest";
import { networkPreset, networkPresets } from "@/lib/chain/networks";
import { type NetworkKey, parseEnv } from "@/lib/env";
import { parseNetworkParam } from "@/lib/network-param";

const LOCAL_REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const LOCAL_PAYER_REGISTRY = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

describe("the network presets", () => {
  it("point testnet at the Base Sepolia registry deployment and its public RPC by default", () => {
    const testnet = networkPreset(parseEnv({}), "testnet");
    expect(testnet).toMatchObject({
      key: "testnet",
      name: "Testnet",
      chainName: "Base Sepolia",
      chainId: 84532,
      registryAddress: "0x7C639a2be8B75c4799c1372A42448f41B89D88DE",
      registryFromBlock: 29_322_114,
      payerRegistryAddress: "0xF0bd6Ac8AA00BA083cF95C5438B33488cbd2562B",
      rpcUrl: "https://sepolia.base.org",
      explorerUrl: "https://sepolia.basescan.org",
      hasMulticall: true,
      requireHttps: true,
    });
    expect(testnet.chain.id).toBe(84532);
    expect(testnet.chain.contracts?.multicall3?.address).toBeDefined();
  });

  it("point mainnet at the Base registry deployment and its public RPC by default", () => {
    const mainnet = networkPreset(parseEnv({}), "mainnet");
    expect(mainnet).toMatchObject({
      key: "mainnet",
      name: "Mainnet",
      chainName: "Base",
      chainId: 8453,
      registryAddress: "0xC5742B5F2e19B859eaE03A9c44531C33fA8e75F8",
      registryFromBlock: 39_249_922,
      payerRegistryAddress: "0xd1c78Dee5d58eCCF1cF1CAABbfc9837215f1B82B",
      rpcUrl: "https://mainnet.base.org",
      explorerUrl: "https://basescan.org",
      hasMulticall: true,
      requireHttps: true,
    });
    expect(mainnet.chain.id).toBe(8453);
  });

  it("use the RPC URLs the environment names instead of the public ones", () => {
    const env = parseEnv({
      TESTNET_RPC_URL: "https://sepolia.rpc.example.org",
      MAINNET_RPC_URL: "https://base.rpc.example.org",
    });
    expect(networkPreset(env, "testnet").rpcUrl).toBe("https://sepolia.rpc.example.org");
    expect(networkPreset(env, "mainnet").rpcUrl).toBe("https://base.rpc.example.org");
  });

  it("take the local network wholly from the environment: a bare chain without Multicall3 that allows http", () => {
    const env = parseEnv({
      SETTLEMENT_RPC_URL: "http://127.0.0.1:8545",
      NODE_REGISTRY_ADDRESS: LOCAL_REGISTRY,
      NODE_REGISTRY_FROM_BLOCK: "12",
      PAYER_REGISTRY_ADDRESS: LOCAL_PAYER_REGISTRY,
    });
    const local = networkPreset(env, "local");
    expect(local).toMatchObject({
      key: "local",
      name: "Local",
      chainName: "Local EVM",
      chainId: 31337,
      registryAddress: LOCAL_REGISTRY,
      registryFromBlock: 12,
      payerRegistryAddress: LOCAL_PAYER_REGISTRY,
      rpcUrl: "http://127.0.0.1:8545",
      explorerUrl: null,
      hasMulticall: false,
      requireHttps: false,
    });
    expect(local.chain).toMatchObject({
      id: 31337,
      name: "Local EVM",
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: ["http://127.0.0.1:8545"] } },
    });
    expect(local.chain.contracts?.multicall3).toBeUndefined();
  });

  it("leave the local network without registry or RPC when the environment names none", () => {
    const local = networkPreset(parseEnv({}), "local");
    expect(local.registryAddress).toBeNull();
    expect(local.rpcUrl).toBeNull();
    expect(local.registryFromBlock).toBe(0);
    expect(local.chain.rpcUrls.default.http).toEqual([]);
  });

  it("name the local network as the demo's simulated one in demo mode, and only then", () => {
    expect(networkPreset(parseEnv({ DEMO_MODE: "1" }), "local")).toMatchObject({
      name: "Demo network (simulated)",
      chainName: "Simulated EVM on this machine",
    });
    expect(networkPreset(parseEnv({}), "local")).toMatchObject({ name: "Local", chainName: "Local EVM" });
    expect(networkPreset(parseEnv({ DEMO_MODE: "1" }), "testnet").name).toBe("Testnet");
  });

  it("list testnet, mainnet and local in that order, and refuse a key that names none", () => {
    const env = parseEnv({});
    expect(networkPresets(env).map((preset) => preset.key)).toEqual(["testnet", "mainnet", "local"]);
    expect(() => networkPreset(env, "devnet" as never)).toThrow("unknown network devnet");
  });
});

describe("the ?network= of a page", () => {
  const all = ["testnet", "mainnet", "local"] as const;
  const param = (
    value: string | string[] | undefined,
    defaultNetwork: NetworkKey,
    collected: readonly NetworkKey[] = all,
  ) => parseNetworkParam(value, { defaultNetwork, XMTP_NETWORKS: [...collected] });

  it("is the configured default when absent", () => {
    expect(param(undefined, "testnet")).toBe("testnet");
    expect(param(undefined, "local")).toBe("local");
    expect(param([], "mainnet")).toBe("mainnet");
  });

  it("names one of the networks, the first when repeated", () => {
    expect(param("mainnet", "testnet")).toBe("mainnet");
    expect(param("local", "testnet")).toBe("local");
    expect(param(["local", "mainnet"], "testnet")).toBe("local");
  });

  it("is undefined when the value names no network", () => {
    expect(param("devnet", "testnet")).toBeUndefined();
    expect(param("", "testnet")).toBeUndefined();
    expect(param(["devnet", "mainnet"], "testnet")).toBeUndefined();
  });

  it("is undefined for a network this dashboard does not collect", () => {
    expect(param("testnet", "local", ["local"])).toBeUndefined();
    expect(param("mainnet", "testnet", ["testnet"])).toBeUndefined();
    expect(param("local", "local", ["local"])).toBe("local");
  });
});
