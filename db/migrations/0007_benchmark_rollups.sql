CREATE TABLE "benchmark_rollups" (
	"network" text NOT NULL,
	"metric_key" text NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"sdk" text DEFAULT '' NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary_results" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "benchmark_rollups_network_granularity_metric_key_bucket_start_region_sdk_pk" PRIMARY KEY("network","granularity","metric_key","bucket_start","region","sdk")
);
--> statement-breakpoint
-- The results stored before this table, merged per metric, region, SDK and UTC hour and day.
WITH "buckets" AS (
  SELECT r."network", r."metric_key", coalesce(r."region", '') AS "region", coalesce(r."sdk", '') AS "sdk",
         g."granularity", to_timestamp(floor(extract(epoch FROM r."started_at") / g."seconds") * g."seconds") AS "bucket_start",
         r."histogram"
  FROM "benchmark_results" r CROSS JOIN (VALUES ('hour', 3600), ('day', 86400)) AS g("granularity", "seconds")
  WHERE r."metric_key" IS NOT NULL
), "counts" AS (
  SELECT "network", "metric_key", "region", "sdk", "granularity", "bucket_start",
         (count(*) FILTER (WHERE "histogram" IS NULL))::int AS "summary_results"
  FROM "buckets" GROUP BY 1, 2, 3, 4, 5, 6
), "merged" AS (
  SELECT "network", "metric_key", "region", "sdk", "granularity", "bucket_start", jsonb_object_agg("key", "n") AS "histogram"
  FROM (
    SELECT b."network", b."metric_key", b."region", b."sdk", b."granularity", b."bucket_start", h."key", sum(h."value"::bigint) AS "n"
    FROM "buckets" b CROSS JOIN LATERAL jsonb_each_text(b."histogram") h
    GROUP BY 1, 2, 3, 4, 5, 6, 7
  ) AS "keys"
  GROUP BY 1, 2, 3, 4, 5, 6
)
INSERT INTO "benchmark_rollups" ("network", "metric_key", "region", "sdk", "granularity", "bucket_start", "histogram", "summary_results")
SELECT c."network", c."metric_key", c."region", c."sdk", c."granularity", c."bucket_start", coalesce(m."histogram", '{}'::jsonb), c."summary_results"
FROM "counts" c LEFT JOIN "merged" m USING ("network", "metric_key", "region", "sdk", "granularity", "bucket_start");
