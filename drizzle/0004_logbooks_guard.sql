-- Register entries are append-only: no row is deleted; on an existing row only superseded_by and
-- the director's sign-off (signed_by, signed_at) may be set, once each. Everything else is fixed.
-- Seeds: the promise rules (六项承诺, 1998) and 月坛街道's 26 residents' committees (resources/logbooks).
CREATE TRIGGER IF NOT EXISTS logbook_liaison_no_delete BEFORE DELETE ON logbook_liaison
BEGIN
  SELECT RAISE(ABORT, 'logbook_liaison is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_liaison_fixed BEFORE UPDATE ON logbook_liaison
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.contact_name IS NOT OLD.contact_name OR NEW.address IS NOT OLD.address OR NEW.phone IS NOT OLD.phone OR NEW.matter IS NOT OLD.matter OR NEW.opinion IS NOT OLD.opinion OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_liaison: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_patrol_no_delete BEFORE DELETE ON logbook_patrol
BEGIN
  SELECT RAISE(ABORT, 'logbook_patrol is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_patrol_fixed BEFORE UPDATE ON logbook_patrol
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.car_number IS NOT OLD.car_number OR NEW.ended_at IS NOT OLD.ended_at OR NEW.officer_ids IS NOT OLD.officer_ids OR NEW.committee_id IS NOT OLD.committee_id OR NEW.unit IS NOT OLD.unit OR NEW.countersign_name IS NOT OLD.countersign_name OR NEW.countersign_at IS NOT OLD.countersign_at
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_patrol: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_phone_no_delete BEFORE DELETE ON logbook_phone
BEGIN
  SELECT RAISE(ABORT, 'logbook_phone is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_phone_fixed BEFORE UPDATE ON logbook_phone
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.caller_name IS NOT OLD.caller_name OR NEW.sex IS NOT OLD.sex OR NEW.address IS NOT OLD.address OR NEW.matter IS NOT OLD.matter OR NEW.caller_phone IS NOT OLD.caller_phone OR NEW.note IS NOT OLD.note
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_phone: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_case_no_delete BEFORE DELETE ON logbook_case
BEGIN
  SELECT RAISE(ABORT, 'logbook_case is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_case_fixed BEFORE UPDATE ON logbook_case
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.kind IS NOT OLD.kind OR NEW.parties IS NOT OLD.parties OR NEW.summary IS NOT OLD.summary OR NEW.decision_note IS NOT OLD.decision_note OR NEW.extension_reason IS NOT OLD.extension_reason OR NEW.extension_approved_by IS NOT OLD.extension_approved_by OR NEW.extension_approved_at IS NOT OLD.extension_approved_at
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_case: entries are append-only; amend instead');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_complaint_no_delete BEFORE DELETE ON logbook_complaint
BEGIN
  SELECT RAISE(ABORT, 'logbook_complaint is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER IF NOT EXISTS logbook_complaint_fixed BEFORE UPDATE ON logbook_complaint
WHEN NEW.id IS NOT OLD.id OR NEW.root_id IS NOT OLD.root_id OR NEW.version IS NOT OLD.version OR NEW.amend_reason IS NOT OLD.amend_reason OR NEW.occurred_at IS NOT OLD.occurred_at OR NEW.status IS NOT OLD.status OR NEW.rule_code IS NOT OLD.rule_code OR NEW.due_at IS NOT OLD.due_at OR NEW.officer_id IS NOT OLD.officer_id OR NEW.search_text IS NOT OLD.search_text OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by OR NEW.complainant_name IS NOT OLD.complainant_name OR NEW.complainant_phone IS NOT OLD.complainant_phone OR NEW.subject IS NOT OLD.subject OR NEW.investigation IS NOT OLD.investigation OR NEW.told_at IS NOT OLD.told_at OR NEW.told_how IS NOT OLD.told_how
  OR (OLD.superseded_by IS NOT NULL AND NEW.superseded_by IS NOT OLD.superseded_by)
  OR (OLD.signed_at IS NOT NULL AND (NEW.signed_at IS NOT OLD.signed_at OR NEW.signed_by IS NOT OLD.signed_by))
BEGIN
  SELECT RAISE(ABORT, 'logbook_complaint: entries are append-only; amend instead');
END;
--> statement-breakpoint
INSERT OR IGNORE INTO logbook_promise_rules (id, code, name, amount, unit, max_amount, updated_at, updated_by) VALUES
  ('6783b5df-05d8-5d6a-955b-7f0cfbcf7b98', 'SLA-EMERGENCY', '接警后到达现场（夜间 10 分钟）', 5, 'minutes', NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('9567a8a8-c8bd-5868-a078-72d51f7a3a49', 'SLA-HOME-VISIT', '电话预约后上门服务', 24, 'hours', NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('03505ddb-4dbb-52d0-a28a-262b710472e8', 'SLA-DOOR', '电话预约后安装防盗门', 5, 'calendarDays', NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('b1d386e1-a779-5014-bf1a-9dfa33c76bc1', 'SLA-CASE', '治安案件、民事纠纷调查处理', 7, 'workingDays', 14, '2026-01-01T00:00:00.000Z', NULL),
  ('8ec2b4e0-0471-5732-ae10-770b6bb2178e', 'SLA-EXIT-REVIEW', '出入境审核意见返回', 2, 'calendarDays', NULL, '2026-01-01T00:00:00.000Z', NULL),
  ('12474386-e08a-5fd5-a34c-e7766f448565', 'COMPLAINT', '投诉调查并答复投诉人', 2, 'workingDays', NULL, '2026-01-01T00:00:00.000Z', NULL);
--> statement-breakpoint
INSERT OR IGNORE INTO logbook_committees (id, code, name, active, updated_at) VALUES
  ('ef8c0386-416c-5c79-9617-220d38645ad1', '110102007003', '月坛社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('64281c1d-eccf-5ab5-9505-29385f11e898', '110102007004', '社会路社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('d5dc77d7-7b01-5856-923b-503c744142ca', '110102007005', '铁道部住宅区第三社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('f3d387b6-9a12-5a0a-b591-d6591f4d4ae4', '110102007006', '三里河一区社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('890f70b6-da6f-5504-a8e5-9c1ed8229a8b', '110102007010', '南沙沟社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('b305b947-22ff-55cd-ab73-00dc489bae4d', '110102007011', '复兴门北大街社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('47c6f88e-13c2-52c7-a225-2839c951a41d', '110102007013', '铁道部住宅区第二、二社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('3e62b65a-6c22-5903-9055-65bab60dc824', '110102007016', '复兴门外大街甲7号院社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('b58fc994-bf77-5e15-8e64-6cf8c0212fdf', '110102007018', '三里河二区社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('ffed6f01-ea9b-5f04-b290-03078a059164', '110102007020', '三里河三区第一社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('ec832978-a9db-598c-a88f-4e4ed203170c', '110102007022', '三里河三区第三社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('029573ed-d34e-5ceb-9061-dc930cfd25cf', '110102007024', '南礼士路社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('78dcb615-0627-5a84-8201-44193008d71e', '110102007025', '木樨地社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('b782acdb-1cbf-57f2-9ef8-8b62b98030e5', '110102007028', '复兴门外社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('6ee49cbf-63df-5410-bb0d-dc10c357ff71', '110102007029', '全国总工会住宅区社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('de3e4801-c7f1-54e6-8853-9b560be13feb', '110102007030', '白云观社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('bcc17ffd-8c92-5900-a565-27f373289d64', '110102007032', '真武庙社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('1dddd634-c76d-5b12-9949-e86a16bcc073', '110102007033', '广电总局住宅区第二社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('3472244b-7b0b-58b3-aff4-f0baddb4dbf1', '110102007034', '西便门社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('fb3b47ae-ae0b-532e-aa9e-6c01ceff8afa', '110102007035', '铁道部住宅区第二、一社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('8e918e71-1daa-547e-ab89-bbf77ca076fe', '110102007037', '广电总局住宅区第一社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('da43f653-0296-5d76-83f1-c976dc990d32', '110102007038', '汽车局河南社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('84671e46-ff11-5539-937e-abfdda8cf98a', '110102007039', '汽车局河北社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('bf874da1-6b5c-5557-a88b-a0f7a77c902b', '110102007043', '公安住宅区社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('e86a6690-bab1-588f-aa2e-6ac737dda08d', '110102007045', '铁道部住宅区第四社区居委会', 1, '2026-01-01T00:00:00.000Z'),
  ('20b1c765-019a-53c7-8015-95872ccdb582', '110102007048', '三里河社区居委会', 1, '2026-01-01T00:00:00.000Z');
