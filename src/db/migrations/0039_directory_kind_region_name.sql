DROP INDEX "organisations_region_idx";--> statement-breakpoint
DROP INDEX "organisations_kind_idx";--> statement-breakpoint
CREATE INDEX "organisations_region_name_idx" ON "organisations" USING btree ("region","name","id");--> statement-breakpoint
CREATE INDEX "organisations_kind_name_idx" ON "organisations" USING btree ("kind","name","id");