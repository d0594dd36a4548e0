DROP INDEX "organisations_country_idx";--> statement-breakpoint
CREATE INDEX "organisations_country_name_idx" ON "organisations" USING btree ("country","name","id");