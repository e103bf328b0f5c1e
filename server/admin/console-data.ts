import type { Db } from "@/db/client";
import { sessionAddress } from "@/db/mutations/admin-auth";
import { listIngestTokens } from "@/db/mutations/tokens";
import { criterionSpecs } from "@/db/queries/criteria";
import { getIncidents } from "@/db/queries/incidents";
import { getNetworks } from "@/db/queries/network";
import { getRegistryNodes } from "@/db/queries/nodes";
import { getOperationMap } from "@/db/queries/operation-map";
import { listPartners, listSdkMinimums, partnerTokens } from "@/db/queries/partners";
import { getAllMilestones, getCriteria, getStages } from "@/db/queries/roadmap";
import { partnerLink } from "@/lib/partners/slug";

/** Who is signed in (from the session cookie), and, for them, what the console edits. */
export async function consoleData(db: Db, cookie: string | undefined, now: Date) {
  const address = cookie ? await sessionAddress(db, cookie, now) : null;
  if (!address)
    return {
      address: null,
      stages: [],
      milestones: [],
      criteria: [],
      operationMap: { mappings: [], unmapped: [] },
      networks: [],
      incidents: [],
      tokens: [],
      nodes: [],
      partners: [],
      sdkMinimums: [],
    };
  const [
    stages,
    milestones,
    criteria,
    specs,
    operationMap,
    networks,
    incidents,
    tokens,
    partners,
    partnerKeys,
    minimums,
  ] = await Promise.all([
    getStages(db),
    getAllMilestones(db),
    getCriteria(db),
    criterionSpecs(db),
    getOperationMap(db),
    getNetworks(db),
    // Open ones: those resolved already take no more updates here.
    getIncidents(db, { since: now, limit: 20 }),
    listIngestTokens(db),
    listPartners(db, { includeUnlisted: true }),
    partnerTokens(db),
    listSdkMinimums(db),
  ]);
  const metrics = new Map(specs.map((spec) => [spec.key, spec.metric]));
  const collected = networks.filter((network) => network.isCollected).map(({ key, name }) => ({ key, name }));
  const registries = await Promise.all(collected.map(({ key }) => getRegistryNodes(db, { network: key })));
  return {
    address,
    stages,
    milestones,
    criteria: criteria.map(
      ({ key, stageNumber, kind, title, comparator, target, unit, windowDays, minSamples, version }) => ({
        key,
        metric: metrics.get(key) ?? key,
        stageNumber,
        kind,
        title,
        comparator,
        target,
        unit,
        windowDays,
        minSamples,
        version,
      }),
    ),
    operationMap,
    networks: collected,
    incidents,
    tokens,
    partners: partners.map((partner) => ({
      slug: partner.slug,
      name: partner.name,
      appUrl: partner.appUrl,
      network: partner.network,
      payerAddresses: partner.payerAddresses,
      sdks: partner.sdks,
      listed: partner.listed,
      contact: partner.contact,
      notes: partner.notes,
      requiredRuns: partner.requiredRuns,
      link: partnerLink(partner),
      token: partnerKeys.get(partner.id) ?? null,
    })),
    sdkMinimums: minimums.map(({ sdk, minVersion }) => ({ sdk, minVersion })),
    nodes: registries.flatMap((registry) =>
      registry.nodes.map(({ network, nodeId, name, operatorName, region, country, website }) => ({
        network,
        nodeId,
        name,
        operatorName,
        region,
        country,
        website,
      })),
    ),
  };
}
