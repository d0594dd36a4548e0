CREATE TABLE "exchange_agenda_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"day" date NOT NULL,
	"time" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"label" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"funded_by" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_participants" (
	"exchange_id" uuid NOT NULL,
	"side" text NOT NULL,
	"kind" text NOT NULL,
	"women" integer DEFAULT 0 NOT NULL,
	"men" integer DEFAULT 0 NOT NULL,
	"other_gender" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"is_done" boolean DEFAULT false NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchanges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"host_organisation_id" uuid NOT NULL,
	"peer_organisation_id" uuid,
	"peer_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"format" text NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	"checklist" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tor_signatures" (
	"tor_version_id" uuid NOT NULL,
	"exchange_id" uuid NOT NULL,
	"side" text NOT NULL,
	"user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tor_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_agenda_items" ADD CONSTRAINT "exchange_agenda_items_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_agenda_items" ADD CONSTRAINT "exchange_agenda_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_budget_lines" ADD CONSTRAINT "exchange_budget_lines_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_messages" ADD CONSTRAINT "exchange_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_participants" ADD CONSTRAINT "exchange_participants_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_tasks" ADD CONSTRAINT "exchange_tasks_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_tasks" ADD CONSTRAINT "exchange_tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_transitions" ADD CONSTRAINT "exchange_transitions_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_host_organisation_id_organisations_id_fk" FOREIGN KEY ("host_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_peer_organisation_id_organisations_id_fk" FOREIGN KEY ("peer_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_peer_user_id_users_id_fk" FOREIGN KEY ("peer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchanges" ADD CONSTRAINT "exchanges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tor_signatures" ADD CONSTRAINT "tor_signatures_tor_version_id_tor_versions_id_fk" FOREIGN KEY ("tor_version_id") REFERENCES "public"."tor_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tor_signatures" ADD CONSTRAINT "tor_signatures_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tor_signatures" ADD CONSTRAINT "tor_signatures_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tor_versions" ADD CONSTRAINT "tor_versions_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tor_versions" ADD CONSTRAINT "tor_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_agenda_exchange_idx" ON "exchange_agenda_items" USING btree ("exchange_id","day");--> statement-breakpoint
CREATE INDEX "exchange_budget_lines_exchange_idx" ON "exchange_budget_lines" USING btree ("exchange_id","position");--> statement-breakpoint
CREATE INDEX "exchange_messages_exchange_idx" ON "exchange_messages" USING btree ("exchange_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_participants_key" ON "exchange_participants" USING btree ("exchange_id","side","kind");--> statement-breakpoint
CREATE INDEX "exchange_tasks_exchange_idx" ON "exchange_tasks" USING btree ("exchange_id","due_date");--> statement-breakpoint
CREATE INDEX "exchange_transitions_exchange_idx" ON "exchange_transitions" USING btree ("exchange_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchanges_match_key" ON "exchanges" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "exchanges_programme_idx" ON "exchanges" USING btree ("programme_id","state");--> statement-breakpoint
CREATE INDEX "exchanges_host_idx" ON "exchanges" USING btree ("host_organisation_id");--> statement-breakpoint
CREATE INDEX "exchanges_peer_idx" ON "exchanges" USING btree ("peer_organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tor_signatures_version_side_key" ON "tor_signatures" USING btree ("tor_version_id","side");--> statement-breakpoint
CREATE INDEX "tor_signatures_exchange_idx" ON "tor_signatures" USING btree ("exchange_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tor_versions_exchange_version_key" ON "tor_versions" USING btree ("exchange_id","version");