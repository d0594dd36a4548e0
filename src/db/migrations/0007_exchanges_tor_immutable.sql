-- Terms of reference: a version is never updated; a signed version can't be deleted; signatures are append-only.
CREATE FUNCTION tor_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'tor_versions rows never change';
  END IF;
  IF EXISTS (SELECT 1 FROM tor_signatures WHERE tor_version_id = OLD.id) THEN
    RAISE EXCEPTION 'a signed terms-of-reference version never changes';
  END IF;
  RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER tor_versions_immutable BEFORE UPDATE OR DELETE ON tor_versions FOR EACH ROW EXECUTE FUNCTION tor_versions_refuse_change();--> statement-breakpoint
CREATE FUNCTION tor_signatures_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'tor_signatures is append-only';
END;
$$;--> statement-breakpoint
CREATE TRIGGER tor_signatures_append_only BEFORE UPDATE OR DELETE ON tor_signatures FOR EACH ROW EXECUTE FUNCTION tor_signatures_refuse_change();
