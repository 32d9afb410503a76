ALTER TABLE "photo_specs" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Live updates (drizzle-pg/0007) for the station's photo specs as well.
CREATE TRIGGER photo_specs_notify AFTER INSERT OR UPDATE ON photo_specs
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
