ALTER TABLE "notification_outbox" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "link" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "action" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "about" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "digest_mode" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "requests" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "exchanges" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "networks" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "events" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "news" text;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD COLUMN "time_zone" text;--> statement-breakpoint
-- The single choice before categories (immediate | daily | off) becomes the choice of the four categories it covered; newsletters (new) keep their default unless the person chose "off".
UPDATE "notification_preferences" SET "requests" = "mode", "exchanges" = "mode", "networks" = "mode", "events" = "mode", "news" = CASE WHEN "mode" = 'off' THEN 'off' ELSE NULL END;--> statement-breakpoint
UPDATE "notification_outbox" SET "digest_mode" = 'daily' WHERE "is_digest" AND "sent_at" IS NULL;
