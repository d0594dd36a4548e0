CREATE TABLE "machine_translations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"field" text NOT NULL,
	"source_lang" text NOT NULL,
	"target_lang" text NOT NULL,
	"source_hash" text NOT NULL,
	"source_text" text DEFAULT '' NOT NULL,
	"text" text,
	"engine" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"translated_at" timestamp with time zone,
	"read_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "machine_translations_key" ON "machine_translations" USING btree ("subject","subject_id","field","target_lang");--> statement-breakpoint
CREATE INDEX "machine_translations_pending_idx" ON "machine_translations" USING btree ("state","requested_at");