/**
 * The demo's partners, in three different states: one ready but for the network, one whose gateway
 * is in debt with an old SDK and a failing run, and an unlisted one that has posted no run yet.
 * Amounts in whole dollars of the fee token; `daysAgo` places each chain event and run in the past.
 */
export const DEMO_PARTNERS = [
  {
    slug: "beacon-chat",
    name: "Beacon Chat",
    appUrl: "https://beacon-chat.example.org",
    listed: true,
    sdks: ["xmtp-js"],
    gatewayAccount: 6,
    payerEvents: [
      { daysAgo: 15, kind: "deposit", dollars: 50 },
      { daysAgo: 6, kind: "usage", dollars: 12 },
      { daysAgo: 2, kind: "usage", dollars: 8 },
    ],
    runs: [5, 4, 3, 2, 1, 0.2].map((daysAgo) => ({
      daysAgo,
      sdk: "xmtp-js",
      sdkVersion: "2.1.0",
      failed: 0,
    })),
  },
  {
    slug: "relay-wallet",
    name: "Relay Wallet",
    appUrl: "https://relay-wallet.example.org",
    listed: true,
    sdks: ["xmtp-ios", "xmtp-js"],
    gatewayAccount: 7,
    payerEvents: [
      { daysAgo: 18, kind: "deposit", dollars: 10 },
      { daysAgo: 4, kind: "usage", dollars: 14 },
    ],
    runs: [
      { daysAgo: 6, sdk: "xmtp-ios", sdkVersion: "3.9.0", failed: 0 },
      { daysAgo: 4, sdk: "xmtp-js", sdkVersion: "2.0.1", failed: 0 },
      { daysAgo: 3, sdk: "xmtp-ios", sdkVersion: "3.9.0", failed: 0 },
      { daysAgo: 2, sdk: "xmtp-ios", sdkVersion: "4.0.0-rc.2", failed: 2 },
      { daysAgo: 1, sdk: "xmtp-js", sdkVersion: "2.0.1", failed: 0 },
    ],
  },
  {
    slug: "nightjar",
    name: "Nightjar",
    appUrl: null,
    listed: false,
    sdks: ["xmtp-react-native"],
    gatewayAccount: 8,
    payerEvents: [{ daysAgo: 3, kind: "deposit", dollars: 25 }],
    runs: [],
  },
] as const;

/** The team's mainnet-compatible versions in the demo. */
export const DEMO_SDK_MINIMUMS = { "xmtp-js": "2.0.0", "xmtp-ios": "4.0.0", "xmtp-react-native": "2.0.0" };

/** The PayerRegistry's minimum deposit in the demo: 10 dollars, as on the real network. */
export const DEMO_MINIMUM_DEPOSIT_DOLLARS = 10;
