ALTER TABLE "nodes" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "nodes" ADD COLUMN "website" text;