import { type Compiled, compileContracts } from "../../simulation/evm/compile";

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
export const compileMulticall3 = (): Compiled =>
  compileContracts("Multicall3.sol", SOURCE, ["Multicall3"]).Multicall3;
