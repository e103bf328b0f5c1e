CREATE TABLE "job_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"until" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "node_cursor_snapshots_node_latest_idx" ON "node_cursor_snapshots" USING btree ("network","node_id","at" DESC NULLS LAST);