CREATE INDEX "memberships_org_status_idx" ON "memberships" USING btree ("organisation_id","status");--> statement-breakpoint
CREATE INDEX "organisations_region_idx" ON "organisations" USING btree ("region");--> statement-breakpoint
CREATE INDEX "organisations_kind_idx" ON "organisations" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "organisations_population_idx" ON "organisations" USING btree ("population");--> statement-breakpoint
CREATE INDEX "organisations_created_idx" ON "organisations" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "organisations_languages_idx" ON "organisations" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "people_languages_idx" ON "people" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "people_job_function_idx" ON "people" USING btree ("job_function");--> statement-breakpoint
CREATE INDEX "people_created_idx" ON "people" USING btree ("created_at","id");