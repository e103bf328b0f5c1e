import { storeBenchmarkRun } from "@/db/mutations/ingest/benchmarks";
import { storeForkCheck } from "@/db/mutations/ingest/fork-checks";
import { storeIntegrationRun } from "@/db/mutations/ingest/integration-tests";
import { storeProbeBatch } from "@/db/mutations/ingest/probes";
import { storeThroughputRun } from "@/db/mutations/ingest/throughput";
import { parseJson } from "@/lib/ingest/body";
import { junitToRun } from "@/lib/ingest/junit";
import { isLoadTestBody, stepsToRun } from "@/lib/ingest/load-test";
import {
  benchmarkRunSchema,
  forkCheckSchema,
  integrationRunSchema,
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

/** JUnit XML (runId, suite, sdk, network as query parameters) or the JSON shape. */
export const integrationTestsEndpoint = ingestEndpoint({
  scope: "tests",
  schema: integrationRunSchema,
  contentTypes: ["application/json", ...XML_TYPES],
  parse: (text, contentType, url, receivedAt) =>
    XML_TYPES.includes(contentType) ? junitToRun(text, url.searchParams, receivedAt) : parseJson(text),
  // A report dated on receipt is the same report when it is sent again.
  hashOf: (run) => (run.startedAtFrom === "received" ? { ...run, startedAt: undefined } : run),
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
