import type { Db } from "@/db/client";
import { migrationContext } from "@/db/queries/criteria";
import { latestPartnerRuns, type PartnerRow, payerSources, sdkMinimumsMap } from "@/db/queries/partners";
import { type PayerEventRow, payerReads, recentPayerEvents } from "@/db/queries/payers";
import {
  gatewayCheck,
  integrationCheck,
  networkCheck,
  type PartnerCheck,
  readinessOfStage,
  score,
  sdkCheck,
} from "@/lib/partners/checks";
import { PAYER_STALE_AFTER_MS } from "@/lib/partners/vocabulary";

/** How many of a partner's runs are kept in view: enough for the "last true" of a streak. */
const RUNS_IN_VIEW = 100;

export type PartnerReadiness = {
  slug: string;
  name: string;
  appUrl: string | null;
  network: string;
  listed: boolean;
  sdks: string[];
  payerAddresses: string[];
  requiredRuns: number;
  score: ReturnType<typeof score>;
  checks: PartnerCheck[];
  payerEvents: PayerEventRow[];
};

/**
 * Every check of each partner, judged now from what is stored: the last PayerRegistry reads, the
 * partner's own runs, the team's SDK minimums and the network's readiness. Nothing private (contact,
 * notes, link key) is in the answer.
 */
export async function partnersReadiness(
  db: Db,
  { partners, now, network }: { partners: PartnerRow[]; now: Date; network?: string },
) {
  // The partners' networks, and the one a page shows when there is no partner yet.
  const networks = [
    ...new Set([...partners.map((partner) => partner.network), ...(network ? [network] : [])]),
  ];
  const [context, runs, minimums, sources] = await Promise.all([
    migrationContext(db, { networks, now }),
    latestPartnerRuns(
      db,
      partners.map((partner) => partner.id),
      RUNS_IN_VIEW,
    ),
    sdkMinimumsMap(db),
    payerSources(db),
  ]);
  const payersOf = (network: string) => [
    ...new Set(
      partners
        .filter((partner) => partner.network === network)
        .flatMap((partner) => partner.payerAddresses.map((address) => address.toLowerCase())),
    ),
  ];
  const chain = new Map(
    await Promise.all(
      networks.map(
        async (network) =>
          [
            network,
            {
              reads: await payerReads(db, network, payersOf(network)),
              events: await recentPayerEvents(db, network, payersOf(network)),
            },
          ] as const,
      ),
    ),
  );
  const readiness: PartnerReadiness[] = partners.map((partner) => {
    const own = runs.get(partner.id) ?? [];
    const onChain = chain.get(partner.network);
    const mine = new Set(partner.payerAddresses.map((address) => address.toLowerCase()));
    const networkReadiness = context.readiness.get(partner.network);
    const checks: PartnerCheck[] = [
      gatewayCheck({
        addresses: partner.payerAddresses,
        reads: (onChain?.reads ?? []).filter((read) => mine.has(read.address)),
        source: sources.get(partner.network) ?? null,
        now,
        staleAfterMs: PAYER_STALE_AFTER_MS,
      }),
      sdkCheck({ runs: own, required: partner.requiredRuns, sdksInUse: partner.sdks, minimums }),
      integrationCheck({ runs: own, required: partner.requiredRuns }),
      networkCheck(
        readinessOfStage(
          networkReadiness ?? { ready: false, targetsMet: 0, targetsTotal: 0, targets: [], stillOpen: [] },
          context.stageUnderWay.get(partner.network) ?? null,
        ),
        now,
      ),
    ];
    return {
      slug: partner.slug,
      name: partner.name,
      appUrl: partner.appUrl,
      network: partner.network,
      listed: partner.listed,
      sdks: partner.sdks,
      payerAddresses: partner.payerAddresses,
      requiredRuns: partner.requiredRuns,
      score: score(checks),
      checks,
      payerEvents: (onChain?.events ?? []).filter((event) => mine.has(event.address)),
    };
  });
  return {
    asOf: now,
    readiness,
    networks: context.readiness,
    stageUnderWay: context.stageUnderWay,
    countdown: context.countdown,
  };
}
