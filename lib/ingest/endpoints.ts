import { storeBenchmarkRun } from "@/db/mutations/ingest/benchmarks";
import { storeForkCheck } from "@/db/mutations/ingest/fork-checks";
import { ingestEndpoint } from "./handler";
import { benchmarkRunSchema, forkCheckSchema } from "./schemas";

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
