-- The app's login roles get table rights only (src/main/station/migrate.ts grants them to
-- bianmin_app) and no right on staff_figures: its upkeep trigger runs with the owner's rights.
ALTER FUNCTION bianmin_staff_figures() SECURITY DEFINER SET search_path = public, pg_temp;
