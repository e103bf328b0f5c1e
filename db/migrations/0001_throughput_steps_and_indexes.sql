ALTER TABLE "throughput_runs" ALTER COLUMN "nodes" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "throughput_runs" ALTER COLUMN "duration_s" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "max_canonical_nodes" integer;--> statement-breakpoint
ALTER TABLE "networks" ADD COLUMN "canonical_nodes_count" integer;--> statement-breakpoint
ALTER TABLE "throughput_runs" ADD COLUMN "peak_rps" double precision;--> statement-breakpoint
ALTER TABLE "throughput_runs" ADD COLUMN "error_pct" double precision;--> statement-breakpoint
CREATE INDEX "audit_log_network_idx" ON "audit_log" USING btree ("network","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "probes_received_idx" ON "probes" USING btree ("received_at");