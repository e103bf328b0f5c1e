DROP INDEX "audit_log_at_idx";--> statement-breakpoint
DROP INDEX "audit_log_network_idx";--> statement-breakpoint
DROP INDEX "node_cursor_snapshots_latest_idx";--> statement-breakpoint
DROP INDEX "node_cursor_snapshots_node_latest_idx";--> statement-breakpoint
DROP INDEX "job_runs_job_started_idx";--> statement-breakpoint
DROP INDEX "job_runs_failed_idx";--> statement-breakpoint
DROP INDEX "integration_test_runs_latest_idx";--> statement-breakpoint
DROP INDEX "criterion_evaluations_latest_idx";--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_network_idx" ON "audit_log" USING btree ("network","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "node_cursor_snapshots_latest_idx" ON "node_cursor_snapshots" USING btree ("network","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "node_cursor_snapshots_node_latest_idx" ON "node_cursor_snapshots" USING btree ("network","node_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "job_runs_job_started_idx" ON "job_runs" USING btree ("job","network","started_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "job_runs_failed_idx" ON "job_runs" USING btree ("started_at" DESC NULLS FIRST) WHERE "job_runs"."outcome" = 'failed';--> statement-breakpoint
CREATE INDEX "integration_test_runs_latest_idx" ON "integration_test_runs" USING btree ("network","sdk","suite","started_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "criterion_evaluations_latest_idx" ON "criterion_evaluations" USING btree ("criterion_key","evaluated_at" DESC NULLS FIRST);