-- Keeps staff_figures (per officer, station day and book: entries handled, deadlines falling due,
-- met on time) from the logbook tables, which are append-only: a new current version adds, the
-- version it supersedes subtracts. An entry is on time when its first closed version (up to that
-- version) was written no later than its due time. Closed statuses mirror books.ts.
-- The last statement per book fills the table from entries already present.
CREATE TRIGGER IF NOT EXISTS logbook_liaison_staff_figures_insert AFTER INSERT ON logbook_liaison
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    VALUES (NEW.officer_id, date(NEW.occurred_at, '+8 hours'), 'liaison', 1, 0, 0)
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT NEW.officer_id, date(NEW.due_at, '+8 hours'), 'liaison', 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_liaison v WHERE v.root_id = NEW.root_id AND v.version <= NEW.version AND v.status IN ('done')) <= NEW.due_at, 0)
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_liaison_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_liaison
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id = OLD.officer_id AND day = date(OLD.occurred_at, '+8 hours') AND book = 'liaison';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(v.created_at) FROM logbook_liaison v WHERE v.root_id = OLD.root_id AND v.version <= OLD.version AND v.status IN ('done')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id = OLD.officer_id AND day = date(OLD.due_at, '+8 hours') AND book = 'liaison';
END;
--> statement-breakpoint
INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
SELECT officer_id, day, 'liaison', sum(e), sum(d), sum(o) FROM (
  SELECT c.officer_id, date(c.occurred_at, '+8 hours') AS day, 1 AS e, 0 AS d, 0 AS o FROM logbook_liaison c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL
  UNION ALL
  SELECT c.officer_id, date(c.due_at, '+8 hours'), 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_liaison v WHERE v.root_id = c.root_id AND v.version <= c.version AND v.status IN ('done')) <= c.due_at, 0) FROM logbook_liaison c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL AND c.due_at IS NOT NULL
) GROUP BY officer_id, day;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_patrol_staff_figures_insert AFTER INSERT ON logbook_patrol
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    VALUES (NEW.officer_id, date(NEW.occurred_at, '+8 hours'), 'patrol', 1, 0, 0)
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT NEW.officer_id, date(NEW.due_at, '+8 hours'), 'patrol', 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_patrol v WHERE v.root_id = NEW.root_id AND v.version <= NEW.version AND v.status IN ('done')) <= NEW.due_at, 0)
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_patrol_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_patrol
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id = OLD.officer_id AND day = date(OLD.occurred_at, '+8 hours') AND book = 'patrol';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(v.created_at) FROM logbook_patrol v WHERE v.root_id = OLD.root_id AND v.version <= OLD.version AND v.status IN ('done')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id = OLD.officer_id AND day = date(OLD.due_at, '+8 hours') AND book = 'patrol';
END;
--> statement-breakpoint
INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
SELECT officer_id, day, 'patrol', sum(e), sum(d), sum(o) FROM (
  SELECT c.officer_id, date(c.occurred_at, '+8 hours') AS day, 1 AS e, 0 AS d, 0 AS o FROM logbook_patrol c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL
  UNION ALL
  SELECT c.officer_id, date(c.due_at, '+8 hours'), 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_patrol v WHERE v.root_id = c.root_id AND v.version <= c.version AND v.status IN ('done')) <= c.due_at, 0) FROM logbook_patrol c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL AND c.due_at IS NOT NULL
) GROUP BY officer_id, day;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_phone_staff_figures_insert AFTER INSERT ON logbook_phone
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    VALUES (NEW.officer_id, date(NEW.occurred_at, '+8 hours'), 'phone', 1, 0, 0)
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT NEW.officer_id, date(NEW.due_at, '+8 hours'), 'phone', 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_phone v WHERE v.root_id = NEW.root_id AND v.version <= NEW.version AND v.status IN ('done')) <= NEW.due_at, 0)
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_phone_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_phone
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id = OLD.officer_id AND day = date(OLD.occurred_at, '+8 hours') AND book = 'phone';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(v.created_at) FROM logbook_phone v WHERE v.root_id = OLD.root_id AND v.version <= OLD.version AND v.status IN ('done')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id = OLD.officer_id AND day = date(OLD.due_at, '+8 hours') AND book = 'phone';
END;
--> statement-breakpoint
INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
SELECT officer_id, day, 'phone', sum(e), sum(d), sum(o) FROM (
  SELECT c.officer_id, date(c.occurred_at, '+8 hours') AS day, 1 AS e, 0 AS d, 0 AS o FROM logbook_phone c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL
  UNION ALL
  SELECT c.officer_id, date(c.due_at, '+8 hours'), 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_phone v WHERE v.root_id = c.root_id AND v.version <= c.version AND v.status IN ('done')) <= c.due_at, 0) FROM logbook_phone c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL AND c.due_at IS NOT NULL
) GROUP BY officer_id, day;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_case_staff_figures_insert AFTER INSERT ON logbook_case
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    VALUES (NEW.officer_id, date(NEW.occurred_at, '+8 hours'), 'case', 1, 0, 0)
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT NEW.officer_id, date(NEW.due_at, '+8 hours'), 'case', 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_case v WHERE v.root_id = NEW.root_id AND v.version <= NEW.version AND v.status IN ('decided', 'closed')) <= NEW.due_at, 0)
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_case_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_case
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id = OLD.officer_id AND day = date(OLD.occurred_at, '+8 hours') AND book = 'case';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(v.created_at) FROM logbook_case v WHERE v.root_id = OLD.root_id AND v.version <= OLD.version AND v.status IN ('decided', 'closed')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id = OLD.officer_id AND day = date(OLD.due_at, '+8 hours') AND book = 'case';
END;
--> statement-breakpoint
INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
SELECT officer_id, day, 'case', sum(e), sum(d), sum(o) FROM (
  SELECT c.officer_id, date(c.occurred_at, '+8 hours') AS day, 1 AS e, 0 AS d, 0 AS o FROM logbook_case c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL
  UNION ALL
  SELECT c.officer_id, date(c.due_at, '+8 hours'), 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_case v WHERE v.root_id = c.root_id AND v.version <= c.version AND v.status IN ('decided', 'closed')) <= c.due_at, 0) FROM logbook_case c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL AND c.due_at IS NOT NULL
) GROUP BY officer_id, day;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_complaint_staff_figures_insert AFTER INSERT ON logbook_complaint
WHEN NEW.superseded_by IS NULL AND NEW.officer_id IS NOT NULL
BEGIN
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    VALUES (NEW.officer_id, date(NEW.occurred_at, '+8 hours'), 'complaint', 1, 0, 0)
    ON CONFLICT (day, officer_id, book) DO UPDATE SET entries = entries + 1;
  INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
    SELECT NEW.officer_id, date(NEW.due_at, '+8 hours'), 'complaint', 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_complaint v WHERE v.root_id = NEW.root_id AND v.version <= NEW.version AND v.status IN ('answered')) <= NEW.due_at, 0)
    WHERE NEW.due_at IS NOT NULL
    ON CONFLICT (day, officer_id, book) DO UPDATE SET due = due + 1, on_time = on_time + excluded.on_time;
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_complaint_staff_figures_supersede AFTER UPDATE OF superseded_by ON logbook_complaint
WHEN OLD.superseded_by IS NULL AND NEW.superseded_by IS NOT NULL AND OLD.officer_id IS NOT NULL
BEGIN
  UPDATE staff_figures SET entries = entries - 1
    WHERE officer_id = OLD.officer_id AND day = date(OLD.occurred_at, '+8 hours') AND book = 'complaint';
  UPDATE staff_figures SET due = due - 1, on_time = on_time - coalesce((SELECT min(v.created_at) FROM logbook_complaint v WHERE v.root_id = OLD.root_id AND v.version <= OLD.version AND v.status IN ('answered')) <= OLD.due_at, 0)
    WHERE OLD.due_at IS NOT NULL AND officer_id = OLD.officer_id AND day = date(OLD.due_at, '+8 hours') AND book = 'complaint';
END;
--> statement-breakpoint
INSERT INTO staff_figures (officer_id, day, book, entries, due, on_time)
SELECT officer_id, day, 'complaint', sum(e), sum(d), sum(o) FROM (
  SELECT c.officer_id, date(c.occurred_at, '+8 hours') AS day, 1 AS e, 0 AS d, 0 AS o FROM logbook_complaint c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL
  UNION ALL
  SELECT c.officer_id, date(c.due_at, '+8 hours'), 0, 1, coalesce((SELECT min(v.created_at) FROM logbook_complaint v WHERE v.root_id = c.root_id AND v.version <= c.version AND v.status IN ('answered')) <= c.due_at, 0) FROM logbook_complaint c
    WHERE c.superseded_by IS NULL AND c.officer_id IS NOT NULL AND c.due_at IS NOT NULL
) GROUP BY officer_id, day;
