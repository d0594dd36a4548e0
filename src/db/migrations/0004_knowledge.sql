CREATE TABLE "good_practice_edits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"good_practice_id" uuid NOT NULL,
	"editor_id" uuid,
	"action" text NOT NULL,
	"language" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "good_practices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"external_id" text,
	"exchange_id" uuid,
	"owner_organisation_id" uuid,
	"state" text DEFAULT 'draft' NOT NULL,
	"original_language" text NOT NULL,
	"translations" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"problem" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"solution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"results" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"challenges" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prerequisites" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"transferability" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"partner_names" text DEFAULT '' NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"themes" text[] DEFAULT '{}' NOT NULL,
	"sdgs" integer[] DEFAULT '{}' NOT NULL,
	"approach" text,
	"formats" text[] DEFAULT '{}' NOT NULL,
	"regions" text[] DEFAULT '{}' NOT NULL,
	"countries" text[] DEFAULT '{}' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(jsonb_to_tsvector('simple'::regconfig, title, '["string"]'), 'A') || setweight(jsonb_to_tsvector('simple'::regconfig, summary, '["string"]') || to_tsvector('simple'::regconfig, partner_names), 'B') || setweight(jsonb_to_tsvector('simple'::regconfig, problem, '["string"]') || jsonb_to_tsvector('simple'::regconfig, solution, '["string"]') || jsonb_to_tsvector('simple'::regconfig, results, '["string"]') || jsonb_to_tsvector('simple'::regconfig, challenges, '["string"]') || jsonb_to_tsvector('simple'::regconfig, prerequisites, '["string"]') || jsonb_to_tsvector('simple'::regconfig, cost, '["string"]') || jsonb_to_tsvector('simple'::regconfig, transferability, '["string"]'), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "good_practice_edits" ADD CONSTRAINT "good_practice_edits_good_practice_id_good_practices_id_fk" FOREIGN KEY ("good_practice_id") REFERENCES "public"."good_practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "good_practice_edits_case_idx" ON "good_practice_edits" USING btree ("good_practice_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "good_practices_external_id_key" ON "good_practices" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "good_practices_state_idx" ON "good_practices" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "good_practices_search_idx" ON "good_practices" USING gin ("search");--> statement-breakpoint
CREATE INDEX "good_practices_themes_idx" ON "good_practices" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "good_practices_exchange_idx" ON "good_practices" USING btree ("exchange_id");--> statement-breakpoint
CREATE INDEX "good_practices_approach_idx" ON "good_practices" USING btree ("approach");