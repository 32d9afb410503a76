DROP INDEX "audit_log_seq_unique";--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_device_seq_unique" ON "audit_log" USING btree ("device_id","seq");