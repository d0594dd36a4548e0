ALTER TABLE "organisations" ADD COLUMN "concepts" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "concept_weights" real[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "concepts_src" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "concepts" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "concept_weights" real[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "concepts_src" text;--> statement-breakpoint
CREATE INDEX "organisations_concepts_idx" ON "organisations" USING gin ("concepts");--> statement-breakpoint
CREATE INDEX "people_concepts_idx" ON "people" USING gin ("concepts");