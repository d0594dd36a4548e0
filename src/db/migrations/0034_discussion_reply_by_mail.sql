CREATE TABLE "discussion_reply_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "discussion_reply_tokens" ADD CONSTRAINT "discussion_reply_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_reply_tokens" ADD CONSTRAINT "discussion_reply_tokens_topic_id_discussion_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."discussion_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discussion_reply_tokens_user_idx" ON "discussion_reply_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "discussion_reply_tokens_expiry_idx" ON "discussion_reply_tokens" USING btree ("expires_at");