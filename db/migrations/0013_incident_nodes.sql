DROP INDEX "incidents_node_idx";--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "node_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
-- An incident of one node affects that node; one of none, the whole network (no nodes).
UPDATE "incidents" SET "node_ids" = ARRAY["node_id"] WHERE "node_id" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" DROP COLUMN "node_id";
