CREATE TABLE "content_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"reporter_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "moderation_items" (
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"state" text NOT NULL,
	"hidden_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision" text,
	CONSTRAINT "moderation_items_object_type_object_id_pk" PRIMARY KEY("object_type","object_id")
);
--> statement-breakpoint
ALTER TABLE "content_reports" ADD CONSTRAINT "content_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "moderation_items" ADD CONSTRAINT "moderation_items_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "content_reports_once_key" ON "content_reports" USING btree ("object_type","object_id","reporter_id");--> statement-breakpoint
CREATE INDEX "content_reports_object_idx" ON "content_reports" USING btree ("object_type","object_id","created_at");--> statement-breakpoint
CREATE INDEX "moderation_items_state_idx" ON "moderation_items" USING btree ("state","hidden_at");