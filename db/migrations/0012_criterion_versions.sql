CREATE TABLE "criterion_versions" (
	"criterion_key" text NOT NULL,
	"version" integer NOT NULL,
	"comparator" text NOT NULL,
	"target" double precision NOT NULL,
	"window_days" integer NOT NULL,
	"min_samples" integer NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"set_by" text,
	CONSTRAINT "criterion_versions_criterion_key_version_pk" PRIMARY KEY("criterion_key","version")
);
--> statement-breakpoint
ALTER TABLE "criteria" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "criterion_evaluations" ADD COLUMN "criterion_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "criterion_versions" ADD CONSTRAINT "criterion_versions_criterion_key_criteria_key_fk" FOREIGN KEY ("criterion_key") REFERENCES "public"."criteria"("key") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Each criterion's rule so far is its first version, valid since it was first judged (or stored).
INSERT INTO "criterion_versions" ("criterion_key", "version", "comparator", "target", "window_days", "min_samples", "valid_from")
SELECT c."key", 1, c."comparator", c."target", c."window_days", c."min_samples",
       least(c."updated_at", (SELECT min(e."evaluated_at") FROM "criterion_evaluations" e WHERE e."criterion_key" = c."key"))
FROM "criteria" c;
