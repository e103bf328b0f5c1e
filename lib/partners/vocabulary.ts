export const PAYER_EVENT_KINDS = ["deposit", "usage_settled"] as const;
export type PayerEventKind = (typeof PAYER_EVENT_KINDS)[number];

/** The four checks of a partner's readiness, in the order pages show them. */
export const PARTNER_CHECKS = [
  "gateway_funded",
  "sdk_ready",
  "integration_passing",
  "network_ready",
] as const;
export type PartnerCheckKey = (typeof PARTNER_CHECKS)[number];

export const CHECK_TITLES: Record<PartnerCheckKey, string> = {
  gateway_funded: "Gateway funded",
  sdk_ready: "SDK ready",
  integration_passing: "Integration passing",
  network_ready: "Network ready",
};

/** The fee token's decimals: PayerRegistry amounts are in millionths of a dollar. */
export const FEE_TOKEN_DECIMALS = 6;

/** The worker reads each network's PayerRegistry this often; three missed reads make a read stale. */
export const PAYER_CHECK_INTERVAL_MS = 5 * 60_000;
export const PAYER_STALE_AFTER_MS = 3 * PAYER_CHECK_INTERVAL_MS;
