CREATE TABLE "cooperation_approaches" (
	"code" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"ratings" jsonb NOT NULL,
	"need_budget" integer NOT NULL,
	"need_staff" double precision NOT NULL,
	"horizons" text[] NOT NULL,
	"texts" jsonb NOT NULL,
	"resources" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"position" integer DEFAULT 1000 NOT NULL,
	"funder" text NOT NULL,
	"approaches" text[] DEFAULT '{}'::text[] NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"countries" text[] DEFAULT '{}'::text[] NOT NULL,
	"regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"organisation_kinds" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount_min" integer,
	"amount_max" integer,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"cofinancing_percent" integer,
	"needs_partner" boolean DEFAULT false NOT NULL,
	"deadline_kind" text DEFAULT 'none' NOT NULL,
	"opens" text,
	"closes" text,
	"link" text,
	"texts" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "funding_programmes_code_idx" ON "funding_programmes" USING btree ("code");