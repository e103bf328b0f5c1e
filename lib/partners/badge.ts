import { makeBadge } from "badge-maker";

const LABEL = "XMTP mainnet ready";

/** The shields-style README badge: "XMTP mainnet ready | 3/4", green only when every check passes. */
export function readinessBadge(score: { passed: number; total: number; ready: boolean }): string {
  const color = score.ready ? "brightgreen" : score.passed >= score.total / 2 ? "yellow" : "red";
  return makeBadge({ label: LABEL, message: `${score.passed}/${score.total}`, color, style: "flat" });
}

/** The badge of a partner the dashboard does not show: the same for one that does not exist. */
export function unknownPartnerBadge(): string {
  return makeBadge({ label: LABEL, message: "unknown partner", color: "lightgrey", style: "flat" });
}
