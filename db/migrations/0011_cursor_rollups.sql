CREATE TABLE "node_cursor_rollups" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"cursor" jsonb NOT NULL,
	CONSTRAINT "node_cursor_rollups_network_granularity_bucket_start_node_id_pk" PRIMARY KEY("network","granularity","bucket_start","node_id")
);
--> statement-breakpoint
ALTER TABLE "node_cursor_rollups" ADD CONSTRAINT "node_cursor_rollups_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The snapshots kept so far, rolled up: each node's last cursor per UTC hour and day (epoch arithmetic,
-- not date_trunc, which follows the session's time zone).
INSERT INTO "node_cursor_rollups" ("network", "node_id", "granularity", "bucket_start", "at", "cursor")
SELECT DISTINCT ON (s."network", g."granularity", 4, s."node_id")
       s."network", s."node_id", g."granularity",
       to_timestamp(floor(extract(epoch from s."at") / g."seconds") * g."seconds"), s."at", s."cursor"
FROM "node_cursor_snapshots" s
CROSS JOIN (VALUES ('hour', 3600), ('day', 86400)) AS g("granularity", "seconds")
ORDER BY s."network", g."granularity", 4, s."node_id", s."at" DESC;
