CREATE TABLE "exchange_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exchange_id" uuid NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"label" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_documents" ADD CONSTRAINT "exchange_documents_exchange_id_exchanges_id_fk" FOREIGN KEY ("exchange_id") REFERENCES "public"."exchanges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_documents" ADD CONSTRAINT "exchange_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_documents_exchange_idx" ON "exchange_documents" USING btree ("exchange_id","created_at");--> statement-breakpoint
CREATE INDEX "exchange_documents_uploaded_by_idx" ON "exchange_documents" USING btree ("uploaded_by");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_documents_storage_key" ON "exchange_documents" USING btree ("storage_name");