import type { Address } from "viem";
import type { Db } from "@/db/client";
import { createPartner, issuePartnerToken, setSdkMinimum } from "@/db/mutations/partners";
import type { Env } from "@/lib/env";
import { partnerRunsEndpoint } from "@/server/ingest/endpoints";
import { runPayerCheckJob } from "@/server/jobs/payer-check";

const DAY_MS = 86_400_000;
const ACTOR = "system:demo";

/**
 * The demo's partners, as the team and the partners themselves would make them: added, given SDK
 * minimums and a token each, their runs posted through the partner ingest endpoint, and their
 * gateways read once from the demo chain's PayerRegistry.
 */
export type DemoPartner = {
  slug: string;
  name: string;
  appUrl: string | null;
  listed: boolean;
  sdks: readonly string[];
  gateway: Address;
  runs: readonly { daysAgo: number; sdk: string; sdkVersion: string; failed: number }[];
};

export async function writeDemoPartners(
  db: Db,
  env: Env,
  {
    partners,
    minimums,
    now = new Date(),
    log = () => {},
  }: { partners: DemoPartner[]; minimums: Record<string, string>; now?: Date; log?: (line: string) => void },
) {
  for (const [sdk, minVersion] of Object.entries(minimums))
    await setSdkMinimum(db, { sdk, minVersion }, ACTOR);
  const context = { db, env: { ...env, INGEST_RATE_LIMIT_PER_MIN: 1_000_000 }, now: () => now };
  for (const partner of partners) {
    await createPartner(
      db,
      {
        slug: partner.slug,
        name: partner.name,
        appUrl: partner.appUrl,
        network: "local",
        payerAddresses: [partner.gateway],
        sdks: [...partner.sdks],
        listed: partner.listed,
        contact: null,
        notes: null,
        requiredRuns: 5,
      },
      ACTOR,
    );
    const { token } = await issuePartnerToken(db, partner.slug, ACTOR, now);
    for (const [index, run] of partner.runs.entries()) {
      const request = new Request("http://demo.invalid/api/ingest/partner-runs", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({
          runId: `${partner.slug}-${index + 1}`,
          suite: "integration",
          sdk: run.sdk,
          sdkVersion: run.sdkVersion,
          network: "local",
          startedAt: new Date(now.getTime() - run.daysAgo * DAY_MS).toISOString(),
          passed: 24 - run.failed,
          failed: run.failed,
          cases: Array.from({ length: 24 }, (_, n) => ({
            name:
              n < run.failed
                ? ["group › syncs after a fork", "dm › sends to a new installation"][n % 2]
                : `case ${n + 1}`,
            status: n < run.failed ? "failed" : "passed",
            durationMs: 120 + n,
          })),
        }),
      });
      const response = await partnerRunsEndpoint(request, context);
      if (!response.ok) throw new Error(`the demo's partner run was refused: ${await response.text()}`);
    }
  }
  const read = await runPayerCheckJob(db, env, { network: "local", trigger: "cli", now: () => now });
  log(`${partners.length} partners, ${read.funded} of ${read.payers} gateways funded`);
}
