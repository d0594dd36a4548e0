DROP INDEX "questionnaires_programme_stage_key";--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "questionnaires" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_programme_stage_current_key" ON "questionnaires" USING btree ("programme_id","stage") WHERE retired_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_programme_stage_version_key" ON "questionnaires" USING btree ("programme_id","stage","version");