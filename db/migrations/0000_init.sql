CREATE TABLE "admin_sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_key" text NOT NULL,
	"network" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "auth_nonces" (
	"nonce" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ingest_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ingest_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "ingest_tokens_name_unique" UNIQUE("name"),
	CONSTRAINT "ingest_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "rate_limit_counters" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limit_counters_key_window_start_pk" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE TABLE "node_cursor_snapshots" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"region" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"cursor" jsonb NOT NULL,
	CONSTRAINT "node_cursor_snapshots_network_node_id_region_at_pk" PRIMARY KEY("network","node_id","region","at")
);
--> statement-breakpoint
CREATE TABLE "probes" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"region" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"latency_ms" double precision,
	"version" text,
	"http_status" integer,
	"grpc_status" integer,
	"error_class" text,
	"error" text,
	"source" text DEFAULT 'local' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "probes_network_node_id_region_at_pk" PRIMARY KEY("network","node_id","region","at")
) PARTITION BY RANGE ("at");
--> statement-breakpoint
-- Hand-added: raw probes are partitioned by UTC day so retention drops whole partitions. Daily
-- partitions are created ahead by the retention job; the default one catches anything else.
CREATE TABLE "probes_default" PARTITION OF "probes" DEFAULT;
--> statement-breakpoint
CREATE TABLE "region_latency_rollups" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"region" text NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"probe_count" integer DEFAULT 0 NOT NULL,
	"down_count" integer DEFAULT 0 NOT NULL,
	"latency_histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latency_count" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "region_latency_rollups_network_granularity_node_id_region_bucket_start_pk" PRIMARY KEY("network","granularity","node_id","region","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "rollup_watermarks" (
	"name" text PRIMARY KEY NOT NULL,
	"through_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uptime_rollups" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"granularity" text NOT NULL,
	"bucket_start" timestamp with time zone NOT NULL,
	"up_minutes" integer DEFAULT 0 NOT NULL,
	"degraded_minutes" integer DEFAULT 0 NOT NULL,
	"down_minutes" integer DEFAULT 0 NOT NULL,
	"unknown_minutes" integer DEFAULT 0 NOT NULL,
	"maintenance_minutes" integer DEFAULT 0 NOT NULL,
	"probe_count" integer DEFAULT 0 NOT NULL,
	"failed_probe_count" integer DEFAULT 0 NOT NULL,
	"latency_histogram" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"latency_count" bigint DEFAULT 0 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uptime_rollups_network_granularity_node_id_bucket_start_pk" PRIMARY KEY("network","granularity","node_id","bucket_start")
);
--> statement-breakpoint
CREATE TABLE "data_sources" (
	"network" text NOT NULL,
	"source" text NOT NULL,
	"endpoint" text,
	"status" text DEFAULT 'unknown' NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_ok_at" timestamp with time zone,
	"failing_since" timestamp with time zone,
	"last_error" text,
	"detail" jsonb,
	CONSTRAINT "data_sources_network_source_pk" PRIMARY KEY("network","source")
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job" text NOT NULL,
	"network" text,
	"trigger" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text DEFAULT 'running' NOT NULL,
	"error" text,
	"summary" jsonb
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"chain_id" integer NOT NULL,
	"registry_address" text,
	"registry_from_block" bigint DEFAULT 0 NOT NULL,
	"explorer_url" text,
	"is_collected" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"network" text NOT NULL,
	"node_id" integer,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "maintenance_windows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "maintenance_windows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"network" text NOT NULL,
	"node_id" integer,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partners" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partners_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"website_url" text,
	"network" text NOT NULL,
	"sdk" text,
	"sdk_version" text,
	"gateway_funded" boolean DEFAULT false NOT NULL,
	"integration_suite" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partners_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"network" text NOT NULL,
	"node_id" integer NOT NULL,
	"owner" text NOT NULL,
	"signer" text NOT NULL,
	"signing_public_key" text NOT NULL,
	"http_address" text NOT NULL,
	"is_canonical" boolean DEFAULT false NOT NULL,
	"in_registry" boolean DEFAULT true NOT NULL,
	"token_uri" text,
	"metadata" jsonb,
	"metadata_error" text,
	"metadata_fetched_at" timestamp with time zone,
	"first_seen_block" bigint,
	"last_seen_block" bigint,
	"registered_at" timestamp with time zone,
	"display_name" text,
	"operator_name" text,
	"region" text,
	"is_xmtp_labs" boolean DEFAULT false NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nodes_network_node_id_pk" PRIMARY KEY("network","node_id")
);
--> statement-breakpoint
CREATE TABLE "registry_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "registry_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"network" text NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text NOT NULL,
	"block_time" timestamp with time zone NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	"event_name" text NOT NULL,
	"node_id" integer,
	"args" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"network" text NOT NULL,
	"source" text NOT NULL,
	"block_number" bigint NOT NULL,
	"block_hash" text,
	"head_block" bigint,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_cursors_network_source_pk" PRIMARY KEY("network","source")
);
--> statement-breakpoint
CREATE TABLE "benchmark_results" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benchmark_results_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"network" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"region" text,
	"sdk" text,
	"operation" text NOT NULL,
	"metric_key" text,
	"members" integer,
	"count" integer NOT NULL,
	"p50_ms" double precision,
	"p95_ms" double precision,
	"p99_ms" double precision,
	"min_ms" double precision,
	"max_ms" double precision,
	"mean_ms" double precision,
	"histogram" jsonb
);
--> statement-breakpoint
CREATE TABLE "benchmark_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "benchmark_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"network" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"body_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"source" text NOT NULL,
	"region" text,
	"sdk" text,
	"sdk_version" text,
	"commit" text,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "fork_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fork_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"network" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"body_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"groups_checked" integer NOT NULL,
	"forked_groups" integer NOT NULL,
	"operations" integer,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "integration_test_cases" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integration_test_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint NOT NULL,
	"name" text NOT NULL,
	"status" text NOT NULL,
	"duration_ms" double precision,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "integration_test_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "integration_test_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"network" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"body_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"suite" text NOT NULL,
	"sdk" text NOT NULL,
	"passed" integer NOT NULL,
	"failed" integer NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"duration_ms" double precision,
	"format" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_mappings" (
	"pattern" text PRIMARY KEY NOT NULL,
	"metric_key" text NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "throughput_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "throughput_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" text NOT NULL,
	"network" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"body_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"nodes" integer NOT NULL,
	"duration_s" double precision NOT NULL,
	"messages" bigint NOT NULL,
	"errors" bigint DEFAULT 0 NOT NULL,
	"steps" jsonb
);
--> statement-breakpoint
CREATE TABLE "criteria" (
	"key" text PRIMARY KEY NOT NULL,
	"stage_number" integer NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"metric" text NOT NULL,
	"comparator" text NOT NULL,
	"target" double precision NOT NULL,
	"unit" text NOT NULL,
	"baseline" double precision,
	"baseline_label" text,
	"window_days" integer NOT NULL,
	"min_samples" integer NOT NULL,
	"network" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criterion_evaluations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "criterion_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"criterion_key" text NOT NULL,
	"network" text NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"measured" double precision,
	"target" double precision NOT NULL,
	"baseline" double precision,
	"unit" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"samples" integer NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"key" text PRIMARY KEY NOT NULL,
	"stage_number" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence_url" text,
	"done_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"number" integer PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"target_date" text,
	"network" text NOT NULL,
	"declared_status" text NOT NULL,
	"countdown_started_at" timestamp with time zone,
	"countdown_days" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "stages_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "node_cursor_snapshots" ADD CONSTRAINT "node_cursor_snapshots_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "probes" ADD CONSTRAINT "probes_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_latency_rollups" ADD CONSTRAINT "region_latency_rollups_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uptime_rollups" ADD CONSTRAINT "uptime_rollups_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_sources" ADD CONSTRAINT "data_sources_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "maintenance_windows" ADD CONSTRAINT "maintenance_windows_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registry_events" ADD CONSTRAINT "registry_events_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_results" ADD CONSTRAINT "benchmark_results_run_id_benchmark_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."benchmark_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_runs" ADD CONSTRAINT "benchmark_runs_token_id_ingest_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."ingest_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fork_checks" ADD CONSTRAINT "fork_checks_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fork_checks" ADD CONSTRAINT "fork_checks_token_id_ingest_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."ingest_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_test_cases" ADD CONSTRAINT "integration_test_cases_run_id_integration_test_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."integration_test_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_test_runs" ADD CONSTRAINT "integration_test_runs_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_test_runs" ADD CONSTRAINT "integration_test_runs_token_id_ingest_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."ingest_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "throughput_runs" ADD CONSTRAINT "throughput_runs_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "throughput_runs" ADD CONSTRAINT "throughput_runs_token_id_ingest_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."ingest_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_stage_number_stages_number_fk" FOREIGN KEY ("stage_number") REFERENCES "public"."stages"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criteria" ADD CONSTRAINT "criteria_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_evaluations" ADD CONSTRAINT "criterion_evaluations_criterion_key_criteria_key_fk" FOREIGN KEY ("criterion_key") REFERENCES "public"."criteria"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_evaluations" ADD CONSTRAINT "criterion_evaluations_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_stage_number_stages_number_fk" FOREIGN KEY ("stage_number") REFERENCES "public"."stages"("number") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_sessions_expiry_idx" ON "admin_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_key");--> statement-breakpoint
CREATE INDEX "rate_limit_counters_window_idx" ON "rate_limit_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "node_cursor_snapshots_latest_idx" ON "node_cursor_snapshots" USING btree ("network","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "probes_at_idx" ON "probes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "region_latency_rollups_window_idx" ON "region_latency_rollups" USING btree ("network","granularity","bucket_start");--> statement-breakpoint
CREATE INDEX "uptime_rollups_window_idx" ON "uptime_rollups" USING btree ("network","granularity","bucket_start");--> statement-breakpoint
CREATE INDEX "job_runs_job_started_idx" ON "job_runs" USING btree ("job","network","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "job_runs_failed_idx" ON "job_runs" USING btree ("started_at" DESC NULLS LAST) WHERE "job_runs"."outcome" = 'failed';--> statement-breakpoint
CREATE INDEX "incidents_window_idx" ON "incidents" USING btree ("network","started_at");--> statement-breakpoint
CREATE INDEX "incidents_node_idx" ON "incidents" USING btree ("network","node_id");--> statement-breakpoint
CREATE INDEX "maintenance_windows_idx" ON "maintenance_windows" USING btree ("network","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "nodes_canonical_idx" ON "nodes" USING btree ("network","node_id") WHERE "nodes"."is_canonical";--> statement-breakpoint
CREATE UNIQUE INDEX "registry_events_position_uq" ON "registry_events" USING btree ("network","block_number","log_index");--> statement-breakpoint
CREATE INDEX "registry_events_node_idx" ON "registry_events" USING btree ("network","node_id","block_number");--> statement-breakpoint
CREATE INDEX "benchmark_results_metric_idx" ON "benchmark_results" USING btree ("network","metric_key","started_at");--> statement-breakpoint
CREATE INDEX "benchmark_results_run_idx" ON "benchmark_results" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_runs_run_id_uq" ON "benchmark_runs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "benchmark_runs_window_idx" ON "benchmark_runs" USING btree ("network","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "fork_checks_run_id_uq" ON "fork_checks" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "fork_checks_window_idx" ON "fork_checks" USING btree ("network","started_at");--> statement-breakpoint
CREATE INDEX "integration_test_cases_run_idx" ON "integration_test_cases" USING btree ("run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integration_test_runs_run_id_uq" ON "integration_test_runs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "integration_test_runs_latest_idx" ON "integration_test_runs" USING btree ("network","sdk","suite","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "throughput_runs_run_id_uq" ON "throughput_runs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "throughput_runs_window_idx" ON "throughput_runs" USING btree ("network","kind","started_at");--> statement-breakpoint
CREATE INDEX "criteria_stage_idx" ON "criteria" USING btree ("stage_number","position");--> statement-breakpoint
CREATE INDEX "criterion_evaluations_latest_idx" ON "criterion_evaluations" USING btree ("criterion_key","evaluated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "criterion_evaluations_time_idx" ON "criterion_evaluations" USING btree ("network","evaluated_at");--> statement-breakpoint
CREATE INDEX "milestones_stage_idx" ON "milestones" USING btree ("stage_number","position");