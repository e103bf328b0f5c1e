CREATE TABLE "benchmark_rollups" (
	"network" text NOT NULL,
	"metric_key" text NOT NULL,
	"region" text,
	"sdk" text,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary_results" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "benchmark_rollups_bucket_uq" UNIQUE NULLS NOT DISTINCT("network","granularity","metric_key","bucket_start","region","sdk")
);
--> statement-breakpoint
-- The results stored before this table, merged per metric and UTC hour and day: per region and SDK,
-- per region over all SDKs, per SDK over all regions, and over all (a null region or SDK is "all").
WITH "results" AS (
  SELECT r."network", r."metric_key", coalesce(r."region", '') AS "region", coalesce(r."sdk", '') AS "sdk",
         g."granularity", to_timestamp(floor(extract(epoch FROM r."started_at") / g."seconds") * g."seconds") AS "bucket_start",
         r."histogram"
  FROM "benchmark_results" r CROSS JOIN (VALUES ('hour', 3600), ('day', 86400)) AS g("granularity", "seconds")
  WHERE r."metric_key" IS NOT NULL
), "counts" AS (
  SELECT "network", "metric_key", "granularity", "bucket_start", "region", "sdk",
         (count(*) FILTER (WHERE "histogram" IS NULL))::int AS "summary_results"
  FROM "results"
  GROUP BY "network", "metric_key", "granularity", "bucket_start", GROUPING SETS (("region", "sdk"), ("region"), ("sdk"), ())
), "merged" AS (
  SELECT "network", "metric_key", "granularity", "bucket_start", "region", "sdk", jsonb_object_agg("key", "n") AS "histogram"
  FROM (
    SELECT r."network", r."metric_key", r."granularity", r."bucket_start", r."region", r."sdk", h."key", sum(h."value"::bigint) AS "n"
    FROM "results" r CROSS JOIN LATERAL jsonb_each_text(r."histogram") h
    GROUP BY r."network", r."metric_key", r."granularity", r."bucket_start", h."key",
             GROUPING SETS ((r."region", r."sdk"), (r."region"), (r."sdk"), ())
  ) AS "keys"
  GROUP BY 1, 2, 3, 4, 5, 6
)
INSERT INTO "benchmark_rollups" ("network", "metric_key", "region", "sdk", "granularity", "bucket_start", "histogram", "summary_results")
SELECT c."network", c."metric_key", c."region", c."sdk", c."granularity", c."bucket_start", coalesce(m."histogram", '{}'::jsonb), c."summary_results"
FROM "counts" c LEFT JOIN "merged" m
  ON m."network" = c."network" AND m."metric_key" = c."metric_key" AND m."granularity" = c."granularity"
 AND m."bucket_start" = c."bucket_start" AND m."region" IS NOT DISTINCT FROM c."region" AND m."sdk" IS NOT DISTINCT FROM c."sdk";
