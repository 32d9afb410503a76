ALTER TABLE `guide_businesses` ADD `register` text;--> statement-breakpoint
UPDATE guide_businesses SET register = 'backOffice' WHERE code IN ('HK-OUT', 'HK-IN', 'HK-BIRTH', 'HK-DEATH', 'HK-BOOK');
--> statement-breakpoint
UPDATE guide_businesses SET register = 'exitReview' WHERE code IN ('EXIT-PASSPORT', 'EXIT-HKMO');
--> statement-breakpoint
UPDATE guide_businesses SET register = 'visit' WHERE code = 'VISIT';
--> statement-breakpoint
UPDATE guide_businesses SET register = 'case' WHERE code = 'CASE';
