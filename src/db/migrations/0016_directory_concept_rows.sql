-- organisation_concepts and person_concepts: a copy, one row per concept, of the concepts/concept_weights arrays the app
-- writes with the text (src/modules/matching/matching.concepts.ts), kept by statement triggers on every write
-- (inserts, updates that change the arrays, deletes), so that directory search reads the rows most about a concept
-- through an index. Existing rows are copied once here.
CREATE TABLE "organisation_concepts" (
	"organisation_id" uuid NOT NULL,
	"concept" text NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "organisation_concepts_organisation_id_concept_pk" PRIMARY KEY("organisation_id","concept")
);
--> statement-breakpoint
CREATE TABLE "person_concepts" (
	"person_id" uuid NOT NULL,
	"concept" text NOT NULL,
	"weight" real NOT NULL,
	CONSTRAINT "person_concepts_person_id_concept_pk" PRIMARY KEY("person_id","concept")
);
--> statement-breakpoint
DROP INDEX "organisations_concepts_idx";--> statement-breakpoint
DROP INDEX "people_concepts_idx";--> statement-breakpoint
CREATE INDEX "organisation_concepts_rank_idx" ON "organisation_concepts" USING btree ("concept","weight" DESC NULLS LAST,"organisation_id");--> statement-breakpoint
CREATE INDEX "person_concepts_rank_idx" ON "person_concepts" USING btree ("concept","weight" DESC NULLS LAST,"person_id");
--> statement-breakpoint
CREATE FUNCTION organisation_concepts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organisation_concepts (organisation_id, concept, weight)
    SELECT n.id, x.concept, x.weight FROM new_rows n, unnest(n.concepts, n.concept_weights) AS x(concept, weight)
    WHERE x.concept IS NOT NULL AND x.weight IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION organisation_concepts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM organisation_concepts c USING new_rows n JOIN old_rows o ON o.id = n.id
    WHERE c.organisation_id = n.id AND (n.concepts IS DISTINCT FROM o.concepts OR n.concept_weights IS DISTINCT FROM o.concept_weights);
  INSERT INTO organisation_concepts (organisation_id, concept, weight)
    SELECT n.id, x.concept, x.weight FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(n.concepts, n.concept_weights) AS x(concept, weight)
    WHERE (n.concepts IS DISTINCT FROM o.concepts OR n.concept_weights IS DISTINCT FROM o.concept_weights) AND x.concept IS NOT NULL AND x.weight IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION organisation_concepts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM organisation_concepts c USING old_rows o WHERE c.organisation_id = o.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER organisations_concepts_insert AFTER INSERT ON organisations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_concepts_insert();--> statement-breakpoint
CREATE TRIGGER organisations_concepts_update AFTER UPDATE ON organisations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_concepts_update();--> statement-breakpoint
CREATE TRIGGER organisations_concepts_delete AFTER DELETE ON organisations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organisation_concepts_delete();--> statement-breakpoint
INSERT INTO organisation_concepts (organisation_id, concept, weight)
  SELECT t.id, x.concept, x.weight FROM organisations t, unnest(t.concepts, t.concept_weights) AS x(concept, weight)
  WHERE x.concept IS NOT NULL AND x.weight IS NOT NULL
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION person_concepts_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_concepts (person_id, concept, weight)
    SELECT n.id, x.concept, x.weight FROM new_rows n, unnest(n.concepts, n.concept_weights) AS x(concept, weight)
    WHERE x.concept IS NOT NULL AND x.weight IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION person_concepts_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_concepts c USING new_rows n JOIN old_rows o ON o.id = n.id
    WHERE c.person_id = n.id AND (n.concepts IS DISTINCT FROM o.concepts OR n.concept_weights IS DISTINCT FROM o.concept_weights);
  INSERT INTO person_concepts (person_id, concept, weight)
    SELECT n.id, x.concept, x.weight FROM new_rows n JOIN old_rows o ON o.id = n.id, unnest(n.concepts, n.concept_weights) AS x(concept, weight)
    WHERE (n.concepts IS DISTINCT FROM o.concepts OR n.concept_weights IS DISTINCT FROM o.concept_weights) AND x.concept IS NOT NULL AND x.weight IS NOT NULL
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE FUNCTION person_concepts_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_concepts c USING old_rows o WHERE c.person_id = o.id;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER people_concepts_insert AFTER INSERT ON people REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_concepts_insert();--> statement-breakpoint
CREATE TRIGGER people_concepts_update AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_concepts_update();--> statement-breakpoint
CREATE TRIGGER people_concepts_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_concepts_delete();--> statement-breakpoint
INSERT INTO person_concepts (person_id, concept, weight)
  SELECT t.id, x.concept, x.weight FROM people t, unnest(t.concepts, t.concept_weights) AS x(concept, weight)
  WHERE x.concept IS NOT NULL AND x.weight IS NOT NULL
  ON CONFLICT DO NOTHING;
