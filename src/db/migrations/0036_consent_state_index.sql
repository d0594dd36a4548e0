DROP INDEX "consents_user_idx";--> statement-breakpoint
CREATE INDEX "consents_user_idx" ON "consents" USING btree ("user_id","at","seq");