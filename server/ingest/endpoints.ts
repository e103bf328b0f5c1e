import { storeBenchmarkRun } from "@/db/mutations/ingest/benchmarks";
import { storeForkCheck } from "@/db/mutations/ingest/fork-checks";
import { storeIntegrationRun } from "@/db/mutations/ingest/integration-tests";
import { storePartnerRun } from "@/db/mutations/ingest/partner-runs";
import { storeProbeBatch } from "@/db/mutations/ingest/probes";
import { storeThroughputRun } from "@/db/mutations/ingest/throughput";
import { PARTNER_SCOPE } from "@/lib/auth/scopes";
import { parseJson } from "@/lib/ingest/body";
import { IngestError } from "@/lib/ingest/errors";
import { junitToRun } from "@/lib/ingest/junit";
import { isLoadTestBody, stepsToRun } from "@/lib/ingest/load-test";
import {
  benchmarkRunSchema,
  forkCheckSchema,
  integrationRunSchema,
  partnerRunSchema,
  probeBatchSchema,
  throughputRunSchema,
} from "@/lib/ingest/schemas";
import { ingestEndpoint } from "@/server/ingest/handler";

export const benchmarksEndpoint = ingestEndpoint({
  scope: "benchmarks",
  schema: benchmarkRunSchema,
  store: storeBenchmarkRun,
});
export const forkChecksEndpoint = ingestEndpoint({
  scope: "forks",
  schema: forkCheckSchema,
  store: storeForkCheck,
});

const XML_TYPES = ["application/xml", "text/xml"];

/** A JSON run names its own start; `startedAtFrom` is the dashboard's note on a JUnit report. */
function jsonRun(text: string): unknown {
  const body = parseJson(text);
  if (body && typeof body === "object" && "startedAtFrom" in body)
    throw new IngestError(400, "invalid_body", "the body does not match the expected shape", [
      { path: "startedAtFrom", message: "is set by the dashboard for JUnit reports, not sent" },
    ]);
  return body;
}

/**
 * What a test run's idempotency hash covers: the same report sent again is the same run; where its
 * time came from is not part of it, and a report dated on receipt has no time of its own.
 */
const runHash = <R extends { startedAtFrom?: string; startedAt: string }>({ startedAtFrom, ...run }: R) =>
  startedAtFrom === "received" ? { ...run, startedAt: undefined } : run;

/** JUnit XML (runId, suite, sdk, network as query parameters) or the JSON shape. */
export const integrationTestsEndpoint = ingestEndpoint({
  scope: "tests",
  schema: integrationRunSchema,
  contentTypes: ["application/json", ...XML_TYPES],
  parse: (text, contentType, url, receivedAt) =>
    XML_TYPES.includes(contentType) ? junitToRun(text, url.searchParams, receivedAt) : jsonRun(text),
  hashOf: runHash,
  store: async (db, run, meta) => {
    const stored = await storeIntegrationRun(db, run, {
      ...meta,
      format: XML_TYPES.includes(meta.contentType) ? "junit" : "json",
    });
    if (!run.startedAtFrom) return stored;
    return { ...stored, record: { ...(stored.record as object), startedAtFrom: run.startedAtFrom } };
  },
});

/** A throughput run, or the load tester's step objects with runId, network and kind as query parameters. */
export const throughputEndpoint = ingestEndpoint({
  scope: "throughput",
  schema: throughputRunSchema,
  parse: (text, _type, url) => {
    const body = parseJson(text);
    return isLoadTestBody(body) ? stepsToRun(body, url.searchParams) : body;
  },
  store: storeThroughputRun,
});

/** A batch of probes from a prober in another region (idempotent per node, region and time). */
export const probesEndpoint = ingestEndpoint({
  scope: "probes",
  schema: probeBatchSchema,
  store: storeProbeBatch,
  hashBody: false,
});

/**
 * A partner's own integration run, with its partner token: JUnit XML (runId, suite, sdk, sdkVersion,
 * network as query parameters) or the JSON shape with sdkVersion. Stored as that partner's evidence,
 * apart from the QA suite's runs, so it never moves the network's own integration target.
 */
export const partnerRunsEndpoint = ingestEndpoint({
  scope: PARTNER_SCOPE,
  schema: partnerRunSchema,
  contentTypes: ["application/json", ...XML_TYPES],
  parse: (text, contentType, url, receivedAt) =>
    XML_TYPES.includes(contentType)
      ? {
          ...junitToRun(text, url.searchParams, receivedAt),
          sdkVersion: url.searchParams.get("sdkVersion") ?? undefined,
        }
      : jsonRun(text),
  hashOf: runHash,
  store: async (db, run, meta) => {
    if (meta.partnerId === null)
      throw new IngestError(403, "forbidden", "only a partner's token may post partner runs");
    const { startedAtFrom, ...body } = run;
    const stored = await storePartnerRun(db, body, {
      ...meta,
      partnerId: meta.partnerId,
      format: XML_TYPES.includes(meta.contentType) ? "junit" : "json",
    });
    if (!startedAtFrom) return stored;
    return { ...stored, record: { ...(stored.record as object), startedAtFrom } };
  },
});
