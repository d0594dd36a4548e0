-- The partnerships that grew out of exchanges keep their data: both organisations become partner rows
-- (the side that proposed confirmed then; an accepted partnership is confirmed by both), they follow
-- a city-to-city partnership since the day they were proposed, and then the two columns go.
INSERT INTO "partnership_members" ("partnership_id", "organisation_id", "invited_by", "invited_at", "confirmed_by", "confirmed_at")
SELECT "id", "host_organisation_id", "proposed_by", "created_at",
       CASE WHEN "state" = 'active' OR "proposed_side" = 'host' THEN "proposed_by" END,
       CASE WHEN "state" = 'active' THEN "updated_at" WHEN "proposed_side" = 'host' THEN "created_at" END
FROM "partnerships" WHERE "host_organisation_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
INSERT INTO "partnership_members" ("partnership_id", "organisation_id", "invited_by", "invited_at", "confirmed_by", "confirmed_at")
SELECT "id", "peer_organisation_id", "proposed_by", "created_at",
       CASE WHEN "state" = 'active' OR "proposed_side" = 'peer' THEN "proposed_by" END,
       CASE WHEN "state" = 'active' THEN "updated_at" WHEN "proposed_side" = 'peer' THEN "created_at" END
FROM "partnerships" WHERE "peer_organisation_id" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
UPDATE "partnerships" SET "approaches" = ARRAY['city_to_city_partnership']::text[], "since" = ("created_at" AT TIME ZONE 'UTC')::date, "origin" = 'exchange' WHERE "exchange_id" IS NOT NULL;--> statement-breakpoint
UPDATE "partnership_events" SET "day" = ("at" AT TIME ZONE 'UTC')::date WHERE "day" IS NULL;--> statement-breakpoint
ALTER TABLE "partnerships" DROP CONSTRAINT "partnerships_host_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "partnerships" DROP CONSTRAINT "partnerships_peer_organisation_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "partnerships" DROP COLUMN "host_organisation_id";--> statement-breakpoint
ALTER TABLE "partnerships" DROP COLUMN "peer_organisation_id";--> statement-breakpoint
ALTER TABLE "partnerships" DROP COLUMN "proposed_side";