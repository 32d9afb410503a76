CREATE TABLE "address_removals" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"old_text" text NOT NULL,
	"new_text" text NOT NULL,
	"removed_at" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "address_changes_num_unique";--> statement-breakpoint
ALTER TABLE "address_changes" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "address_changes_num_idx" ON "address_changes" USING btree ("num");--> statement-breakpoint
-- The station's address table (issue #15): a window hears another PC's new, changed or removed
-- row, as drizzle-pg/0007 does for the other shared tables.
CREATE TRIGGER address_changes_notify AFTER INSERT OR UPDATE OR DELETE ON address_changes
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
--> statement-breakpoint
CREATE TRIGGER address_removals_notify AFTER INSERT ON address_removals
FOR EACH STATEMENT EXECUTE FUNCTION bianmin_notify_change();
