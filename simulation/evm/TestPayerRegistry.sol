// SPDX-License-Identifier: MIT
pragma solidity ^0.8.26;

/// A stand-in for xmtp/smart-contracts' PayerRegistry with the functions and events the dashboard
/// reads. Amounts are in the fee token's 6 decimals; no token moves here: `deposit` credits a payer
/// and `settleUsage` debits one (a balance may go negative: debt), as the real contract's settlement
/// does when usage outruns a deposit.
contract TestPayerRegistry {
    event Deposit(address indexed payer, uint96 amount);
    event UsageSettled(bytes32 indexed payerReportId, address indexed payer, uint96 amount);
    event MinimumDepositSet(uint96 minimumDeposit);

    address public admin;
    uint96 public minimumDeposit;
    mapping(address => int104) private _balances;

    constructor(uint96 minimumDeposit_) {
        admin = msg.sender;
        minimumDeposit = minimumDeposit_;
    }

    modifier onlyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    function deposit(address payer, uint96 amount) external {
        require(amount >= minimumDeposit, "below the minimum deposit");
        _balances[payer] += int104(uint104(amount));
        emit Deposit(payer, amount);
    }

    function settleUsage(bytes32 payerReportId, address payer, uint96 amount) external onlyAdmin {
        _balances[payer] -= int104(uint104(amount));
        emit UsageSettled(payerReportId, payer, amount);
    }

    function setMinimumDeposit(uint96 minimumDeposit_) external onlyAdmin {
        minimumDeposit = minimumDeposit_;
        emit MinimumDepositSet(minimumDeposit_);
    }

    function getBalance(address payer) external view returns (int104) {
        return _balances[payer];
    }

    function getBalances(address[] calldata payers) external view returns (int104[] memory balances) {
        balances = new int104[](payers.length);
        for (uint256 i = 0; i < payers.length; i++) {
            balances[i] = _balances[payers[i]];
        }
    }
}
