CREATE TABLE "news_confirmations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subscriber_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"lists" text[] DEFAULT '{}'::text[] NOT NULL,
	"locale" text NOT NULL,
	"consent_version" integer NOT NULL,
	"ip_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "news_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"issue_id" uuid NOT NULL,
	"email_norm" text NOT NULL,
	"locale" text NOT NULL,
	"user_id" uuid,
	"subscriber_id" uuid,
	"token_hash" text,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_issue_versions" (
	"issue_id" uuid NOT NULL,
	"lang" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "news_issue_versions_issue_id_lang_pk" PRIMARY KEY("issue_id","lang")
);
--> statement-breakpoint
CREATE TABLE "news_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"network_id" uuid,
	"programme_id" uuid,
	"author_id" uuid,
	"lang" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"recipient_count" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "news_opt_outs" (
	"user_id" uuid NOT NULL,
	"list_kind" text NOT NULL,
	"list_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "news_opt_outs_user_id_list_kind_list_id_pk" PRIMARY KEY("user_id","list_kind","list_id")
);
--> statement-breakpoint
CREATE TABLE "news_subscribers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email_norm" text NOT NULL,
	"locale" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"consent_version" integer,
	"consent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "news_subscriptions" (
	"subscriber_id" uuid NOT NULL,
	"list_kind" text NOT NULL,
	"list_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "news_subscriptions_subscriber_id_list_kind_list_id_pk" PRIMARY KEY("subscriber_id","list_kind","list_id")
);
--> statement-breakpoint
ALTER TABLE "news_confirmations" ADD CONSTRAINT "news_confirmations_subscriber_id_news_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."news_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_deliveries" ADD CONSTRAINT "news_deliveries_issue_id_news_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."news_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_deliveries" ADD CONSTRAINT "news_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_deliveries" ADD CONSTRAINT "news_deliveries_subscriber_id_news_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."news_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issue_versions" ADD CONSTRAINT "news_issue_versions_issue_id_news_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."news_issues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issues" ADD CONSTRAINT "news_issues_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issues" ADD CONSTRAINT "news_issues_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_issues" ADD CONSTRAINT "news_issues_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_opt_outs" ADD CONSTRAINT "news_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "news_subscriptions" ADD CONSTRAINT "news_subscriptions_subscriber_id_news_subscribers_id_fk" FOREIGN KEY ("subscriber_id") REFERENCES "public"."news_subscribers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_confirmations_token_key" ON "news_confirmations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "news_confirmations_ip_idx" ON "news_confirmations" USING btree ("ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "news_confirmations_subscriber_idx" ON "news_confirmations" USING btree ("subscriber_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "news_deliveries_issue_email_key" ON "news_deliveries" USING btree ("issue_id","email_norm");--> statement-breakpoint
CREATE INDEX "news_deliveries_due_idx" ON "news_deliveries" USING btree ("sent_at","lease_until");--> statement-breakpoint
CREATE UNIQUE INDEX "news_deliveries_token_key" ON "news_deliveries" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "news_deliveries_user_idx" ON "news_deliveries" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "news_issues_network_idx" ON "news_issues" USING btree ("network_id","sent_at");--> statement-breakpoint
CREATE INDEX "news_issues_programme_idx" ON "news_issues" USING btree ("programme_id","sent_at");--> statement-breakpoint
CREATE INDEX "news_issues_author_idx" ON "news_issues" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "news_subscribers_email_key" ON "news_subscribers" USING btree ("email_norm");--> statement-breakpoint
CREATE INDEX "news_subscriptions_list_idx" ON "news_subscriptions" USING btree ("list_kind","list_id");