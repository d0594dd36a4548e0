-- UNLOGGED (hand edit): request counts need no WAL; a crash only forgets the current minute.
CREATE UNLOGGED TABLE "rate_limit_hits" (
	"ip" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "rate_limit_hits_ip_window_start_pk" PRIMARY KEY("ip","window_start")
);
--> statement-breakpoint
CREATE INDEX "rate_limit_hits_window_idx" ON "rate_limit_hits" USING btree ("window_start");