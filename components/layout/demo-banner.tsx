/** On every page of `npm run demo`: nothing here may be mistaken for testnet or mainnet figures. */
export function DemoBanner() {
  return (
    <aside
      aria-label="Simulated data"
      className="border-line border-b bg-status-degraded-soft text-status-degraded"
    >
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm">
        <strong className="font-semibold">Demo: simulated data.</strong> Every figure here comes from a
        simulated network running on this machine (a local chain and simulated nodes), not from XMTP&apos;s
        testnet or mainnet.
      </p>
    </aside>
  );
}
