import { createRequire } from "node:module";
import type { Abi, Hex } from "viem";

const require = createRequire(import.meta.url);

// The one Multicall3 function viem's multicall uses, for a bare local chain that has none.
const SOURCE = `// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;
contract Multicall3 {
    struct Call3 { address target; bool allowFailure; bytes callData; }
    struct Result { bool success; bytes returnData; }
    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            require(success || calls[i].allowFailure, "Multicall3: call failed");
            returnData[i] = Result(success, data);
        }
    }
}`;

/** Compiles a minimal Multicall3 (aggregate3 only) with solc-js. */
export function compileMulticall3(): { abi: Abi; bytecode: Hex } {
  const solc = require("solc") as { compile: (input: string) => string };
  const output = JSON.parse(
    solc.compile(
      JSON.stringify({
        language: "Solidity",
        sources: { "Multicall3.sol": { content: SOURCE } },
        settings: { outputSelection: { "*": { "*": ["abi", "evm.bytecode.object"] } } },
      }),
    ),
  ) as { contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>> };
  const contract = output.contracts["Multicall3.sol"]?.Multicall3;
  if (!contract) throw new Error("solc produced no Multicall3");
  return { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
}
