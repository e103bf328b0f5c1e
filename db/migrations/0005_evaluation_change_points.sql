ALTER TABLE "criterion_evaluations" ADD COLUMN "changed" boolean DEFAULT true NOT NULL;--> statement-breakpoint
CREATE INDEX "criterion_evaluations_changes_idx" ON "criterion_evaluations" USING btree ("criterion_key","evaluated_at") WHERE "criterion_evaluations"."changed";--> statement-breakpoint
-- Rows stored before this column: a heartbeat is a row with the same status and value as the one before it.
UPDATE "criterion_evaluations" AS e SET "changed" = false
FROM (
  SELECT "id",
         lag("status") OVER w AS previous_status,
         lag("measured") OVER w AS previous_measured
  FROM "criterion_evaluations"
  WINDOW w AS (PARTITION BY "criterion_key" ORDER BY "evaluated_at", "id")
) AS p
WHERE e."id" = p."id" AND p.previous_status = e."status" AND p.previous_measured IS NOT DISTINCT FROM e."measured";
