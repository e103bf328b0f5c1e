ALTER TABLE "milestones" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "note" text;