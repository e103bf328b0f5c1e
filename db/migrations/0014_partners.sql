CREATE TABLE "partner_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "partner_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"partner_id" bigint NOT NULL,
	"run_id" text NOT NULL,
	"network" text NOT NULL,
	"suite" text NOT NULL,
	"sdk" text NOT NULL,
	"sdk_version" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"passed" integer NOT NULL,
	"failed" integer NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed_cases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"format" text NOT NULL,
	"body_hash" text NOT NULL,
	"token_id" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payer_balances" (
	"network" text NOT NULL,
	"address" text NOT NULL,
	"balance" numeric(40, 0) NOT NULL,
	"minimum_deposit" numeric(40, 0) NOT NULL,
	"block_number" bigint NOT NULL,
	"read_at" timestamp with time zone NOT NULL,
	"funded_since" timestamp with time zone,
	"last_funded_at" timestamp with time zone,
	"events_scanned_to" bigint,
	CONSTRAINT "payer_balances_network_address_pk" PRIMARY KEY("network","address")
);
--> statement-breakpoint
CREATE TABLE "payer_events" (
	"network" text NOT NULL,
	"address" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(40, 0) NOT NULL,
	"payer_report_id" text,
	"block_number" bigint NOT NULL,
	"block_time" timestamp with time zone NOT NULL,
	"tx_hash" text NOT NULL,
	"log_index" integer NOT NULL,
	CONSTRAINT "payer_events_network_tx_hash_log_index_pk" PRIMARY KEY("network","tx_hash","log_index")
);
--> statement-breakpoint
CREATE TABLE "sdk_minimums" (
	"sdk" text PRIMARY KEY NOT NULL,
	"min_version" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ingest_tokens" ADD COLUMN "partner_id" bigint;--> statement-breakpoint
-- The partners table of the first schema, never written by the app, takes its real shape: what it may
-- hold is kept (website_url → app_url, is_public → listed, sdk → sdks); a hand-set "gateway_funded"
-- flag and one SDK version give way to checks read from the chain and the partner's own runs.
ALTER TABLE "partners" RENAME COLUMN "website_url" TO "app_url";--> statement-breakpoint
ALTER TABLE "partners" RENAME COLUMN "is_public" TO "listed";--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "payer_addresses" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "sdks" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
UPDATE "partners" SET "sdks" = ARRAY["sdk"] WHERE "sdk" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "access_key" text;--> statement-breakpoint
UPDATE "partners" SET "access_key" = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');--> statement-breakpoint
ALTER TABLE "partners" ALTER COLUMN "access_key" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "contact" text;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "required_runs" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" DROP COLUMN "sdk";--> statement-breakpoint
ALTER TABLE "partners" DROP COLUMN "sdk_version";--> statement-breakpoint
ALTER TABLE "partners" DROP COLUMN "gateway_funded";--> statement-breakpoint
ALTER TABLE "partners" DROP COLUMN "integration_suite";--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_access_key_unique" UNIQUE("access_key");--> statement-breakpoint
ALTER TABLE "partner_runs" ADD CONSTRAINT "partner_runs_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_runs" ADD CONSTRAINT "partner_runs_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_balances" ADD CONSTRAINT "payer_balances_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_events" ADD CONSTRAINT "payer_events_network_networks_key_fk" FOREIGN KEY ("network") REFERENCES "public"."networks"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_runs_run_id_uq" ON "partner_runs" USING btree ("partner_id","run_id");--> statement-breakpoint
CREATE INDEX "partner_runs_latest_idx" ON "partner_runs" USING btree ("partner_id","started_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "payer_events_address_idx" ON "payer_events" USING btree ("network","address","block_number" DESC NULLS FIRST);--> statement-breakpoint
ALTER TABLE "ingest_tokens" ADD CONSTRAINT "ingest_tokens_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;
