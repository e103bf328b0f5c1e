import { readFileSync } from "node:fs";
import { type Address, encodeFunctionData, getAddress, type Hex, serializeErc6492Signature } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminSessions } from "@/db/schema";
import { postNonce, postSession } from "@/server/admin/sign-in";
import { type Compiled, compileContracts } from "../../simulation/evm/compile";
import { hardhatChain, type LocalChain, startLocalChain } from "../../simulation/evm/local-chain";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

// Smart accounts sign through their contract (ERC-1271), or before it exists through its factory
// (ERC-6492): the server asks the settlement chain's RPC, here a local Hardhat chain.
const SITE = "http://dashboard.test";
const owner = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());
const SALT = `0x${"11".repeat(32)}` as Hex;
const now = new Date();

let chain: LocalChain;
let test: TestDatabase;
let offline: TestDatabase;
let contracts: Record<"TestSmartAccount" | "TestAccountFactory", Compiled>;
let deployed: Address; // a deployed account owned by `owner`
let factory: Address;
let counterfactual: Address; // the factory's account for `owner` and SALT, not deployed

const post = (path: string, body: unknown) =>
  new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: SITE },
    body: JSON.stringify(body),
  });

async function deploy(compiled: Compiled, args: unknown[]): Promise<Address> {
  const [from] = chain.accounts as [Address];
  const hash = await chain.walletClient.deployContract({
    ...compiled,
    args,
    account: from,
    chain: hardhatChain,
  });
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  return getAddress(receipt.contractAddress as Address);
}

/** Signs in as `account` with a signature `sign` makes over the message; the response and its body. */
async function signIn(on: TestDatabase, account: Address, sign: (message: string) => Promise<Hex>) {
  const context = { db: on.handle.db, env: on.env, now };
  const asked = await (await postNonce(post("/api/admin/nonce", {}), context)).json();
  expect(asked.chainId).toBe(31337);
  const message = createSiweMessage({
    address: account,
    domain: "dashboard.test",
    uri: SITE,
    chainId: 31337,
    version: "1",
    issuedAt: now,
    nonce: asked.nonce,
  });
  const response = await postSession(
    post("/api/admin/session", { message, signature: await sign(message) }),
    context,
  );
  return { status: response.status, body: await response.json() };
}

const sessionsOf = async (on: TestDatabase) =>
  (await on.handle.db.select({ address: adminSessions.address }).from(adminSessions)).map(
    (row) => row.address,
  );

beforeAll(async () => {
  chain = await startLocalChain();
  contracts = compileContracts(
    "TestSmartAccount.sol",
    readFileSync(new URL("../fixtures/evm/TestSmartAccount.sol", import.meta.url), "utf8"),
    ["TestSmartAccount", "TestAccountFactory"],
  );
  deployed = await deploy(contracts.TestSmartAccount, [owner.address]);
  factory = await deploy(contracts.TestAccountFactory, []);
  counterfactual = (await chain.publicClient.readContract({
    address: factory,
    abi: contracts.TestAccountFactory.abi,
    functionName: "addressOf",
    args: [owner.address, SALT],
  })) as Address;
  const env = {
    XMTP_NETWORKS: "local",
    NODE_REGISTRY_ADDRESS: factory, // any address: sign-in reads no registry
    ADMIN_ADDRESSES: [deployed, counterfactual].join(","),
  };
  test = await createTestDatabase({ ...env, SETTLEMENT_RPC_URL: chain.rpcUrl });
  offline = await createTestDatabase({ ...env, SETTLEMENT_RPC_URL: "http://127.0.0.1:9" });
}, 120_000);

afterAll(async () => {
  await test?.drop();
  await offline?.drop();
  await chain?.stop();
});

describe("sign-in with a smart account", () => {
  it("opens a session for a deployed account whose owner signed (ERC-1271)", async () => {
    const signed = await signIn(test, deployed, (message) => owner.signMessage({ message }));
    expect(signed).toMatchObject({ status: 201, body: { address: deployed } });
    expect(await sessionsOf(test)).toContain(deployed);
  });

  it("opens a session for an account not deployed yet, through its factory (ERC-6492), deploying nothing", async () => {
    expect(await chain.publicClient.getCode({ address: counterfactual })).toBeUndefined();
    const signed = await signIn(test, counterfactual, async (message) =>
      serializeErc6492Signature({
        address: factory,
        data: encodeFunctionData({
          abi: contracts.TestAccountFactory.abi,
          functionName: "deploy",
          args: [owner.address, SALT],
        }),
        signature: await owner.signMessage({ message }),
      }),
    );
    expect(signed).toMatchObject({ status: 201, body: { address: counterfactual } });
    expect(await chain.publicClient.getCode({ address: counterfactual })).toBeUndefined();
  });

  it("refuses an account's sign-in signed by a key that does not own it, opening nothing", async () => {
    const before = await sessionsOf(test);
    const signed = await signIn(test, deployed, (message) => stranger.signMessage({ message }));
    expect(signed).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });
    expect(await sessionsOf(test)).toEqual(before);
  });

  it("refuses a smart account's sign-in when the chain's RPC does not answer: 401, not an error page", async () => {
    const signed = await signIn(offline, deployed, (message) => owner.signMessage({ message }));
    expect(signed).toMatchObject({ status: 401, body: { error: { code: "invalid_signature" } } });
    expect(await sessionsOf(offline)).toEqual([]);
  });
});
