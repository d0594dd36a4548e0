CREATE TABLE "cooperation_openings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"statement" text NOT NULL,
	"lang" text DEFAULT 'en' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"sender_id" uuid,
	"theme" text NOT NULL,
	"message" text NOT NULL,
	"lang" text DEFAULT 'en' NOT NULL,
	"state" text DEFAULT 'sent' NOT NULL,
	"answer" text DEFAULT '' NOT NULL,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"partnership_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"partnership_id" uuid NOT NULL,
	"uploaded_by" uuid,
	"label" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "partnership_members" (
	"partnership_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "partnership_members_partnership_id_organisation_id_pk" PRIMARY KEY("partnership_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "partnership_events" DROP CONSTRAINT "partnership_events_actor_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "partnerships_host_idx";--> statement-breakpoint
DROP INDEX "partnerships_peer_idx";--> statement-breakpoint
ALTER TABLE "partnership_events" ALTER COLUMN "actor_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "exchange_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "host_organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "peer_organisation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "proposed_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ALTER COLUMN "proposed_side" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD COLUMN "day" date;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD COLUMN "lang" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD COLUMN "exchange_id" uuid;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "summary" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "lang" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "approaches" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "themes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "since" date;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "charter_date" date;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "origin" text DEFAULT 'exchange' NOT NULL;--> statement-breakpoint
ALTER TABLE "partnerships" ADD COLUMN "wants_public" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cooperation_openings" ADD CONSTRAINT "cooperation_openings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_openings" ADD CONSTRAINT "cooperation_openings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_sender_id_users_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_requests" ADD CONSTRAINT "cooperation_requests_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_documents" ADD CONSTRAINT "partnership_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_members" ADD CONSTRAINT "partnership_members_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_openings_themes_idx" ON "cooperation_openings" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "cooperation_requests_to_idx" ON "cooperation_requests" USING btree ("to_organisation_id","state");--> statement-breakpoint
CREATE INDEX "cooperation_requests_from_idx" ON "cooperation_requests" USING btree ("from_organisation_id");--> statement-breakpoint
CREATE INDEX "cooperation_requests_sender_idx" ON "cooperation_requests" USING btree ("sender_id","created_at");--> statement-breakpoint
CREATE INDEX "partnership_documents_partnership_idx" ON "partnership_documents" USING btree ("partnership_id","created_at");--> statement-breakpoint
CREATE INDEX "partnership_documents_uploaded_by_idx" ON "partnership_documents" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_documents_storage_key" ON "partnership_documents" USING btree ("storage_name");--> statement-breakpoint
CREATE INDEX "partnership_members_org_idx" ON "partnership_members" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "partnership_events" ADD CONSTRAINT "partnership_events_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_events" ADD CONSTRAINT "partnership_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partnership_events_exchange_kind_key" ON "partnership_events" USING btree ("partnership_id","exchange_id","kind");--> statement-breakpoint
CREATE INDEX "partnerships_approaches_idx" ON "partnerships" USING gin ("approaches");--> statement-breakpoint
CREATE INDEX "partnerships_themes_idx" ON "partnerships" USING gin ("themes");