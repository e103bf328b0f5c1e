import { formatUnits } from "viem";
import { FEE_TOKEN_DECIMALS } from "./vocabulary";

/** A PayerRegistry amount (millionths, negative for debt) as "12.50 USDC" or "−3.20 USDC". */
export function formatFee(amount: bigint): string {
  const negative = amount < 0n;
  const units = formatUnits(negative ? -amount : amount, FEE_TOKEN_DECIMALS);
  const [whole = "0", fraction = ""] = units.split(".");
  const cents = fraction.padEnd(2, "0");
  const shown = `${Number(whole).toLocaleString("en-US")}.${cents.length > 2 ? cents.replace(/0+$/, "").padEnd(2, "0") : cents}`;
  return `${negative ? "−" : ""}${shown} USDC`;
}
