CREATE TABLE "address_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"num" integer NOT NULL,
	"origin" text NOT NULL,
	"level" text NOT NULL,
	"old_text" text NOT NULL,
	"new_text" text NOT NULL,
	"old_key" text NOT NULL,
	"new_key" text NOT NULL,
	"old_road" text,
	"old_no" text,
	"new_road" text,
	"new_no" text,
	"effective" text,
	"source" text,
	"note" text,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "address_recent" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"query" text NOT NULL,
	"change_id" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "address_vocab" (
	"term" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"full" text NOT NULL,
	"initials" text NOT NULL,
	"syllables" text NOT NULL,
	"extra" text,
	"rows" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"device_id" text NOT NULL,
	"at" text NOT NULL,
	"operator_id" text,
	"action" text NOT NULL,
	"entity" text,
	"entity_id" text,
	"detail" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"mac" text
);
--> statement-breakpoint
CREATE TABLE "logbook_back_office" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"resident_name" text NOT NULL,
	"business" text NOT NULL,
	"pending_item" text NOT NULL,
	"cleared_at" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "logbook_callout" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"caller_name" text NOT NULL,
	"caller_phone" text,
	"place" text NOT NULL,
	"matter" text NOT NULL,
	"officer_ids" text NOT NULL,
	"arrived_at" text,
	"outcome" text,
	"case_entry_id" text
);
--> statement-breakpoint
CREATE TABLE "logbook_case" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"kind" text NOT NULL,
	"parties" text NOT NULL,
	"summary" text NOT NULL,
	"decision_note" text,
	"extension_reason" text,
	"extension_approved_by" text,
	"extension_approved_at" text
);
--> statement-breakpoint
CREATE TABLE "logbook_committees" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logbook_complaint" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"complainant_name" text NOT NULL,
	"complainant_phone" text,
	"subject" text NOT NULL,
	"investigation" text,
	"told_at" text,
	"told_how" text
);
--> statement-breakpoint
CREATE TABLE "logbook_door" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"resident_name" text NOT NULL,
	"phone" text NOT NULL,
	"address" text NOT NULL,
	"requirement" text,
	"installer" text,
	"installed_at" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "logbook_exit_review" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"applicant_name" text NOT NULL,
	"applicant_phone" text,
	"application_kind" text NOT NULL,
	"file_checked_by" text,
	"file_checked_at" text,
	"file_result" text,
	"file_note" text,
	"field_officer_id" text,
	"handed_at" text,
	"review_opinion" text,
	"review_returned_at" text,
	"approved_by" text,
	"approved_at" text,
	"told_at" text,
	"told_note" text
);
--> statement-breakpoint
CREATE TABLE "guide_businesses" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"category_id" text NOT NULL,
	"menu_number" integer NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"counter" text DEFAULT '' NOT NULL,
	"eligibility" text DEFAULT '' NOT NULL,
	"statutory_limit" text DEFAULT '' NOT NULL,
	"promised_time" text DEFAULT '' NOT NULL,
	"validity" text DEFAULT '' NOT NULL,
	"fee" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"register" text,
	"sample" boolean DEFAULT true NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"menu_number" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"operator_id" text,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"before" text,
	"after" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guide_materials" (
	"id" text PRIMARY KEY NOT NULL,
	"business_id" text NOT NULL,
	"position" integer NOT NULL,
	"item" text NOT NULL,
	"required" boolean NOT NULL,
	"condition" text
);
--> statement-breakpoint
CREATE TABLE "guide_promises" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"sample" boolean DEFAULT true NOT NULL,
	CONSTRAINT "guide_promises_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "holiday_schedules" (
	"id" text PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"notice" text NOT NULL,
	"holidays" text NOT NULL,
	"workdays" text NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "logbook_liaison" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"contact_name" text NOT NULL,
	"address" text,
	"phone" text,
	"matter" text NOT NULL,
	"opinion" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "logbook_blind_index" (
	"token" text NOT NULL,
	"book" text NOT NULL,
	"entry_id" text NOT NULL,
	CONSTRAINT "logbook_blind_index_token_book_entry_id_pk" PRIMARY KEY("token","book","entry_id")
);
--> statement-breakpoint
CREATE TABLE "logbook_drafts" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"book" text NOT NULL,
	"entry_id" text NOT NULL,
	"data" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" text,
	"lockouts" integer DEFAULT 0 NOT NULL,
	"password_change_required" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" text NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "password_history" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"password_hash" text NOT NULL,
	"replaced_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "logbook_patrol" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"car_number" text NOT NULL,
	"ended_at" text,
	"officer_ids" text NOT NULL,
	"committee_id" text,
	"unit" text,
	"countersign_name" text,
	"countersign_at" text
);
--> statement-breakpoint
CREATE TABLE "logbook_phone" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"caller_name" text NOT NULL,
	"sex" text NOT NULL,
	"address" text,
	"matter" text NOT NULL,
	"caller_phone" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "photo_specs" (
	"id" text PRIMARY KEY NOT NULL,
	"data" text NOT NULL,
	"sort_order" integer NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"id" text PRIMARY KEY NOT NULL,
	"spec_id" text NOT NULL,
	"taken_at" text NOT NULL,
	"operator_id" text,
	"file" text NOT NULL,
	"bytes" bigint NOT NULL,
	"quality" integer NOT NULL,
	"passed" boolean NOT NULL,
	"report" text NOT NULL,
	"subject_ref" text,
	"note" text,
	"removed_at" text,
	"removed_by" text
);
--> statement-breakpoint
CREATE TABLE "logbook_promise_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"amount" integer NOT NULL,
	"unit" text NOT NULL,
	"max_amount" integer,
	"night_amount" integer,
	"night_start" text,
	"night_end" text,
	"updated_at" text NOT NULL,
	"updated_by" text,
	CONSTRAINT "logbook_promise_rules_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "logbook_proxy" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"resident_id" text,
	"resident_name" text NOT NULL,
	"service_kind" text NOT NULL,
	"matter" text NOT NULL,
	"scheduled_at" text NOT NULL,
	"handler_id" text,
	"done_at" text,
	"result" text,
	"cancel_reason" text
);
--> statement-breakpoint
CREATE TABLE "logbook_proxy_resident" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"resident_name" text NOT NULL,
	"category" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"contact_name" text,
	"contact_phone" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "queue_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"window_id" text NOT NULL,
	"clerk_id" text NOT NULL,
	"kind" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"level" integer NOT NULL,
	"reasons" text DEFAULT '[]' NOT NULL,
	"phone" text,
	"followup_id" text,
	"window_id" text,
	"clerk_id" text,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_services" (
	"id" text PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"name" text NOT NULL,
	"guide_business_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"day" text NOT NULL,
	"prefix" text NOT NULL,
	"seq" integer NOT NULL,
	"number" text NOT NULL,
	"service_id" text NOT NULL,
	"lane" text NOT NULL,
	"priority_reason" text,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"call_count" integer DEFAULT 0 NOT NULL,
	"issued_at" text NOT NULL,
	"queued_at" text NOT NULL,
	"called_at" text,
	"last_called_at" text,
	"started_at" text,
	"finished_at" text,
	"window_id" text,
	"clerk_id" text,
	"target_window_id" text,
	"parent_id" text,
	"issued_by" text
);
--> statement-breakpoint
CREATE TABLE "queue_windows" (
	"id" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"service_ids" text NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'closed' NOT NULL,
	"pause_reason" text,
	"clerk_id" text,
	"updated_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" text NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "staff_attendance" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"card_number" text NOT NULL,
	"at" text NOT NULL,
	"local_date" text NOT NULL,
	"local_time" text NOT NULL,
	"direction" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_awards" (
	"id" text PRIMARY KEY NOT NULL,
	"month" text NOT NULL,
	"snapshot" text NOT NULL,
	"best_id" text NOT NULL,
	"excellent_ids" text NOT NULL,
	"reason" text,
	"confirmed_by" text NOT NULL,
	"confirmed_at" text NOT NULL,
	CONSTRAINT "staff_awards_month_unique" UNIQUE("month")
);
--> statement-breakpoint
CREATE TABLE "staff_cards" (
	"id" text PRIMARY KEY NOT NULL,
	"operator_id" text NOT NULL,
	"card_number" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"date" text NOT NULL,
	"item" text NOT NULL,
	"note" text,
	"checked_by" text NOT NULL,
	"checked_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_complaint_rulings" (
	"id" text PRIMARY KEY NOT NULL,
	"complaint_id" text NOT NULL,
	"officer_id" text NOT NULL,
	"upheld" boolean NOT NULL,
	"date" text NOT NULL,
	"note" text,
	"ruled_by" text NOT NULL,
	"ruled_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_figures" (
	"officer_id" text NOT NULL,
	"day" text NOT NULL,
	"book" text NOT NULL,
	"entries" integer DEFAULT 0 NOT NULL,
	"due" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "staff_figures_day_officer_id_book_pk" PRIMARY KEY("day","officer_id","book")
);
--> statement-breakpoint
CREATE TABLE "staff_followups" (
	"id" text PRIMARY KEY NOT NULL,
	"officer_id" text NOT NULL,
	"visit_date" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_name" text NOT NULL,
	"topic" text NOT NULL,
	"link_book" text,
	"link_entry_id" text,
	"outcome" text NOT NULL,
	"satisfaction" integer NOT NULL,
	"households" integer NOT NULL,
	"persons" integer NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_ladder" (
	"id" text PRIMARY KEY NOT NULL,
	"officer_id" text NOT NULL,
	"step" text NOT NULL,
	"date" text NOT NULL,
	"note" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_spot_checks" (
	"id" text PRIMARY KEY NOT NULL,
	"quarter" text NOT NULL,
	"seed" integer NOT NULL,
	"size" integer NOT NULL,
	"pool_size" integer NOT NULL,
	"entries" text NOT NULL,
	"drawn_by" text NOT NULL,
	"drawn_at" text NOT NULL,
	CONSTRAINT "staff_spot_checks_quarter_unique" UNIQUE("quarter")
);
--> statement-breakpoint
CREATE TABLE "logbook_visit" (
	"id" text PRIMARY KEY NOT NULL,
	"root_id" text NOT NULL,
	"version" integer NOT NULL,
	"superseded_by" text,
	"amend_reason" text,
	"occurred_at" text NOT NULL,
	"status" text NOT NULL,
	"rule_code" text,
	"due_at" text,
	"officer_id" text,
	"search_text" text NOT NULL,
	"created_at" text NOT NULL,
	"created_by" text NOT NULL,
	"signed_by" text,
	"signed_at" text,
	"channel" text NOT NULL,
	"visitor_name" text NOT NULL,
	"visitor_phone" text,
	"matter" text NOT NULL,
	"promised_at" text,
	"answer" text,
	"answered_at" text,
	"satisfied" text
);
--> statement-breakpoint
ALTER TABLE "address_changes" ADD CONSTRAINT "address_changes_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "address_recent" ADD CONSTRAINT "address_recent_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_back_office" ADD CONSTRAINT "logbook_back_office_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_back_office" ADD CONSTRAINT "logbook_back_office_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_back_office" ADD CONSTRAINT "logbook_back_office_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_callout" ADD CONSTRAINT "logbook_callout_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_callout" ADD CONSTRAINT "logbook_callout_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_callout" ADD CONSTRAINT "logbook_callout_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_case" ADD CONSTRAINT "logbook_case_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_case" ADD CONSTRAINT "logbook_case_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_case" ADD CONSTRAINT "logbook_case_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_case" ADD CONSTRAINT "logbook_case_extension_approved_by_operators_id_fk" FOREIGN KEY ("extension_approved_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_complaint" ADD CONSTRAINT "logbook_complaint_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_complaint" ADD CONSTRAINT "logbook_complaint_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_complaint" ADD CONSTRAINT "logbook_complaint_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_door" ADD CONSTRAINT "logbook_door_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_door" ADD CONSTRAINT "logbook_door_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_door" ADD CONSTRAINT "logbook_door_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_file_checked_by_operators_id_fk" FOREIGN KEY ("file_checked_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_field_officer_id_operators_id_fk" FOREIGN KEY ("field_officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_exit_review" ADD CONSTRAINT "logbook_exit_review_approved_by_operators_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_businesses" ADD CONSTRAINT "guide_businesses_category_id_guide_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."guide_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_changes" ADD CONSTRAINT "guide_changes_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guide_materials" ADD CONSTRAINT "guide_materials_business_id_guide_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."guide_businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday_schedules" ADD CONSTRAINT "holiday_schedules_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_liaison" ADD CONSTRAINT "logbook_liaison_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_liaison" ADD CONSTRAINT "logbook_liaison_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_liaison" ADD CONSTRAINT "logbook_liaison_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_drafts" ADD CONSTRAINT "logbook_drafts_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_patrol" ADD CONSTRAINT "logbook_patrol_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_patrol" ADD CONSTRAINT "logbook_patrol_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_patrol" ADD CONSTRAINT "logbook_patrol_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_patrol" ADD CONSTRAINT "logbook_patrol_committee_id_logbook_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."logbook_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_phone" ADD CONSTRAINT "logbook_phone_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_phone" ADD CONSTRAINT "logbook_phone_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_phone" ADD CONSTRAINT "logbook_phone_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photo_specs" ADD CONSTRAINT "photo_specs_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_removed_by_operators_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_promise_rules" ADD CONSTRAINT "logbook_promise_rules_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy" ADD CONSTRAINT "logbook_proxy_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy" ADD CONSTRAINT "logbook_proxy_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy" ADD CONSTRAINT "logbook_proxy_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy" ADD CONSTRAINT "logbook_proxy_handler_id_operators_id_fk" FOREIGN KEY ("handler_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy_resident" ADD CONSTRAINT "logbook_proxy_resident_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy_resident" ADD CONSTRAINT "logbook_proxy_resident_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_proxy_resident" ADD CONSTRAINT "logbook_proxy_resident_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_calls" ADD CONSTRAINT "queue_calls_ticket_id_queue_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."queue_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_calls" ADD CONSTRAINT "queue_calls_window_id_queue_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."queue_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_calls" ADD CONSTRAINT "queue_calls_clerk_id_operators_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_ratings" ADD CONSTRAINT "queue_ratings_ticket_id_queue_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."queue_tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_ratings" ADD CONSTRAINT "queue_ratings_window_id_queue_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."queue_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_ratings" ADD CONSTRAINT "queue_ratings_clerk_id_operators_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_services" ADD CONSTRAINT "queue_services_guide_business_id_guide_businesses_id_fk" FOREIGN KEY ("guide_business_id") REFERENCES "public"."guide_businesses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_service_id_queue_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."queue_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_window_id_queue_windows_id_fk" FOREIGN KEY ("window_id") REFERENCES "public"."queue_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_clerk_id_operators_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_target_window_id_queue_windows_id_fk" FOREIGN KEY ("target_window_id") REFERENCES "public"."queue_windows"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_tickets" ADD CONSTRAINT "queue_tickets_issued_by_operators_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_windows" ADD CONSTRAINT "queue_windows_clerk_id_operators_id_fk" FOREIGN KEY ("clerk_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_operators_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_attendance" ADD CONSTRAINT "staff_attendance_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_awards" ADD CONSTRAINT "staff_awards_best_id_operators_id_fk" FOREIGN KEY ("best_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_awards" ADD CONSTRAINT "staff_awards_confirmed_by_operators_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_cards" ADD CONSTRAINT "staff_cards_operator_id_operators_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_cards" ADD CONSTRAINT "staff_cards_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_checks" ADD CONSTRAINT "staff_checks_checked_by_operators_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_complaint_rulings" ADD CONSTRAINT "staff_complaint_rulings_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_complaint_rulings" ADD CONSTRAINT "staff_complaint_rulings_ruled_by_operators_id_fk" FOREIGN KEY ("ruled_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_followups" ADD CONSTRAINT "staff_followups_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_followups" ADD CONSTRAINT "staff_followups_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_ladder" ADD CONSTRAINT "staff_ladder_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_ladder" ADD CONSTRAINT "staff_ladder_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_spot_checks" ADD CONSTRAINT "staff_spot_checks_drawn_by_operators_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_visit" ADD CONSTRAINT "logbook_visit_officer_id_operators_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_visit" ADD CONSTRAINT "logbook_visit_created_by_operators_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "logbook_visit" ADD CONSTRAINT "logbook_visit_signed_by_operators_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."operators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "address_changes_num_unique" ON "address_changes" USING btree ("num");--> statement-breakpoint
CREATE INDEX "address_changes_old_road_idx" ON "address_changes" USING btree ("old_road","old_no");--> statement-breakpoint
CREATE INDEX "address_changes_new_road_idx" ON "address_changes" USING btree ("new_road","new_no");--> statement-breakpoint
CREATE INDEX "address_changes_old_key_idx" ON "address_changes" USING btree ("old_key");--> statement-breakpoint
CREATE INDEX "address_changes_new_key_idx" ON "address_changes" USING btree ("new_key");--> statement-breakpoint
CREATE INDEX "address_changes_origin_idx" ON "address_changes" USING btree ("origin");--> statement-breakpoint
CREATE INDEX "address_recent_operator_idx" ON "address_recent" USING btree ("operator_id","at");--> statement-breakpoint
CREATE INDEX "address_vocab_initials_idx" ON "address_vocab" USING btree ("initials");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_seq_unique" ON "audit_log" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_back_office_root_version_unique" ON "logbook_back_office" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_back_office_occurred_text_idx" ON "logbook_back_office" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_back_office_status_occurred_idx" ON "logbook_back_office" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_back_office_officer_occurred_idx" ON "logbook_back_office" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_back_office_status_due_idx" ON "logbook_back_office" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_back_office_due_idx" ON "logbook_back_office" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_back_office_unsigned_idx" ON "logbook_back_office" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_callout_root_version_unique" ON "logbook_callout" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_callout_occurred_text_idx" ON "logbook_callout" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_callout_status_occurred_idx" ON "logbook_callout" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_callout_officer_occurred_idx" ON "logbook_callout" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_callout_status_due_idx" ON "logbook_callout" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_callout_due_idx" ON "logbook_callout" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_callout_unsigned_idx" ON "logbook_callout" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_case_root_version_unique" ON "logbook_case" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_case_occurred_text_idx" ON "logbook_case" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_case_status_occurred_idx" ON "logbook_case" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_case_officer_occurred_idx" ON "logbook_case" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_case_status_due_idx" ON "logbook_case" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_case_due_idx" ON "logbook_case" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_case_unsigned_idx" ON "logbook_case" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_committees_name_unique" ON "logbook_committees" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_complaint_root_version_unique" ON "logbook_complaint" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_complaint_occurred_text_idx" ON "logbook_complaint" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_complaint_status_occurred_idx" ON "logbook_complaint" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_complaint_officer_occurred_idx" ON "logbook_complaint" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_complaint_status_due_idx" ON "logbook_complaint" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_complaint_due_idx" ON "logbook_complaint" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_complaint_unsigned_idx" ON "logbook_complaint" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_door_root_version_unique" ON "logbook_door" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_door_occurred_text_idx" ON "logbook_door" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_door_status_occurred_idx" ON "logbook_door" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_door_officer_occurred_idx" ON "logbook_door" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_door_status_due_idx" ON "logbook_door" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_door_due_idx" ON "logbook_door" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_door_unsigned_idx" ON "logbook_door" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_exit_review_root_version_unique" ON "logbook_exit_review" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_exit_review_occurred_text_idx" ON "logbook_exit_review" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_exit_review_status_occurred_idx" ON "logbook_exit_review" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_exit_review_officer_occurred_idx" ON "logbook_exit_review" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_exit_review_status_due_idx" ON "logbook_exit_review" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_exit_review_due_idx" ON "logbook_exit_review" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_exit_review_unsigned_idx" ON "logbook_exit_review" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "guide_businesses_code_unique" ON "guide_businesses" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_businesses_menu_unique" ON "guide_businesses" USING btree ("category_id","menu_number");--> statement-breakpoint
CREATE UNIQUE INDEX "guide_categories_menu_unique" ON "guide_categories" USING btree ("menu_number");--> statement-breakpoint
CREATE INDEX "guide_changes_entity_idx" ON "guide_changes" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "guide_materials_business_idx" ON "guide_materials" USING btree ("business_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "holiday_schedules_year_unique" ON "holiday_schedules" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_liaison_root_version_unique" ON "logbook_liaison" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_liaison_occurred_text_idx" ON "logbook_liaison" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_liaison_status_occurred_idx" ON "logbook_liaison" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_liaison_officer_occurred_idx" ON "logbook_liaison" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_liaison_status_due_idx" ON "logbook_liaison" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_liaison_due_idx" ON "logbook_liaison" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_liaison_unsigned_idx" ON "logbook_liaison" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_drafts_unique" ON "logbook_drafts" USING btree ("operator_id","book","entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "operators_username_unique" ON "operators" USING btree (lower("username"));--> statement-breakpoint
CREATE INDEX "password_history_operator_idx" ON "password_history" USING btree ("operator_id","replaced_at");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_patrol_root_version_unique" ON "logbook_patrol" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_patrol_occurred_text_idx" ON "logbook_patrol" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_status_occurred_idx" ON "logbook_patrol" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_officer_occurred_idx" ON "logbook_patrol" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_status_due_idx" ON "logbook_patrol" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_due_idx" ON "logbook_patrol" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_unsigned_idx" ON "logbook_patrol" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_patrol_committee_idx" ON "logbook_patrol" USING btree ("committee_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_phone_root_version_unique" ON "logbook_phone" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_phone_occurred_text_idx" ON "logbook_phone" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_phone_status_occurred_idx" ON "logbook_phone" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_phone_officer_occurred_idx" ON "logbook_phone" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_phone_status_due_idx" ON "logbook_phone" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_phone_due_idx" ON "logbook_phone" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_phone_unsigned_idx" ON "logbook_phone" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE INDEX "photos_taken_idx" ON "photos" USING btree ("taken_at");--> statement-breakpoint
CREATE INDEX "photos_subject_idx" ON "photos" USING btree ("subject_ref");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_proxy_root_version_unique" ON "logbook_proxy" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_proxy_occurred_text_idx" ON "logbook_proxy" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_status_occurred_idx" ON "logbook_proxy" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_officer_occurred_idx" ON "logbook_proxy" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_status_due_idx" ON "logbook_proxy" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_due_idx" ON "logbook_proxy" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_unsigned_idx" ON "logbook_proxy" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_proxy_resident_root_version_unique" ON "logbook_proxy_resident" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_occurred_text_idx" ON "logbook_proxy_resident" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_status_occurred_idx" ON "logbook_proxy_resident" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_officer_occurred_idx" ON "logbook_proxy_resident" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_status_due_idx" ON "logbook_proxy_resident" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_due_idx" ON "logbook_proxy_resident" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_proxy_resident_unsigned_idx" ON "logbook_proxy_resident" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;--> statement-breakpoint
CREATE INDEX "queue_calls_at_idx" ON "queue_calls" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_ratings_ticket_unique" ON "queue_ratings" USING btree ("ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_services_prefix_unique" ON "queue_services" USING btree ("prefix");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_day_number_unique" ON "queue_tickets" USING btree ("day","number") WHERE parent_id IS NULL;--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("day","queued_at") WHERE status = 'waiting';--> statement-breakpoint
CREATE INDEX "queue_tickets_day_status_idx" ON "queue_tickets" USING btree ("day","status");--> statement-breakpoint
CREATE INDEX "queue_tickets_window_called_idx" ON "queue_tickets" USING btree ("window_id","called_at");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_windows_number_unique" ON "queue_windows" USING btree ("number");--> statement-breakpoint
CREATE INDEX "staff_attendance_operator_at_idx" ON "staff_attendance" USING btree ("operator_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_cards_number_unique" ON "staff_cards" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_cards_operator_unique" ON "staff_cards" USING btree ("operator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_checks_unique" ON "staff_checks" USING btree ("date","item");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_complaint_rulings_unique" ON "staff_complaint_rulings" USING btree ("complaint_id","officer_id");--> statement-breakpoint
CREATE INDEX "staff_complaint_rulings_date_idx" ON "staff_complaint_rulings" USING btree ("date");--> statement-breakpoint
CREATE INDEX "staff_followups_date_idx" ON "staff_followups" USING btree ("visit_date","officer_id");--> statement-breakpoint
CREATE INDEX "staff_ladder_officer_idx" ON "staff_ladder" USING btree ("officer_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "logbook_visit_root_version_unique" ON "logbook_visit" USING btree ("root_id","version");--> statement-breakpoint
CREATE INDEX "logbook_visit_occurred_text_idx" ON "logbook_visit" USING btree ("occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_visit_status_occurred_idx" ON "logbook_visit" USING btree ("status","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_visit_officer_occurred_idx" ON "logbook_visit" USING btree ("officer_id","occurred_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_visit_status_due_idx" ON "logbook_visit" USING btree ("status","due_at") WHERE superseded_by IS NULL;--> statement-breakpoint
CREATE INDEX "logbook_visit_due_idx" ON "logbook_visit" USING btree ("due_at") WHERE superseded_by IS NULL AND due_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "logbook_visit_unsigned_idx" ON "logbook_visit" USING btree ("occurred_at") WHERE superseded_by IS NULL AND signed_at IS NULL;