// The schema, as migrations keyed on PRAGMA user_version. A released migration is never
// edited: a change is a new entry. docs/schema.md explains every table.
#include <array>

#include "impl.hpp"

namespace dormlink::store {
namespace {

// Version 1: rosters with dated history.
constexpr const char* k_v1 = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batch (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('students', 'dorms', 'staff')),
  source_name    TEXT NOT NULL,
  encoding       TEXT NOT NULL,
  semester_id    TEXT,
  effective_date TEXT NOT NULL CHECK (effective_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  imported_at    TEXT NOT NULL,
  imported_by    TEXT NOT NULL,
  row_count      INTEGER NOT NULL,
  added          INTEGER NOT NULL,
  changed        INTEGER NOT NULL,
  departed       INTEGER NOT NULL,
  unchanged      INTEGER NOT NULL
) STRICT;

CREATE TABLE dorm (
  code     TEXT PRIMARY KEY,
  building TEXT NOT NULL,
  room     TEXT NOT NULL,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id)
) STRICT;

CREATE TABLE dorm_version (
  id         INTEGER PRIMARY KEY,
  dorm_code  TEXT NOT NULL REFERENCES dorm(code),
  gender     TEXT CHECK (gender IN ('male', 'female')),
  capacity   INTEGER CHECK (capacity BETWEEN 1 AND 20),
  cohort     INTEGER,
  major      TEXT,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  batch_id   INTEGER NOT NULL REFERENCES import_batch(id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE UNIQUE INDEX dorm_version_current ON dorm_version(dorm_code) WHERE valid_to IS NULL;

CREATE TABLE student (
  student_id TEXT PRIMARY KEY,
  batch_id   INTEGER NOT NULL REFERENCES import_batch(id)
) STRICT;

CREATE TABLE student_version (
  id               INTEGER PRIMARY KEY,
  student_id       TEXT NOT NULL REFERENCES student(student_id),
  status           TEXT NOT NULL CHECK (status IN ('current', 'left')),
  name             TEXT NOT NULL,
  gender           TEXT NOT NULL CHECK (gender IN ('male', 'female')),
  major            TEXT NOT NULL,
  cohort           INTEGER NOT NULL,
  class_name       TEXT NOT NULL,
  dorm_code        TEXT REFERENCES dorm(code),
  phone            TEXT NOT NULL,
  political_status TEXT NOT NULL CHECK (political_status IN ('party_member',
                     'probationary_member', 'candidate', 'activist', 'league_member', 'masses')),
  branch           TEXT NOT NULL,
  attention        TEXT NOT NULL,
  dorm_head        INTEGER NOT NULL CHECK (dorm_head IN (0, 1)),
  valid_from       TEXT NOT NULL,
  valid_to         TEXT,
  batch_id         INTEGER NOT NULL REFERENCES import_batch(id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from),
  CHECK ((status = 'left') = (dorm_code IS NULL))
) STRICT;
CREATE UNIQUE INDEX student_version_current ON student_version(student_id) WHERE valid_to IS NULL;
CREATE INDEX student_version_dorm ON student_version(dorm_code, valid_from);
CREATE INDEX student_version_history ON student_version(student_id, valid_from);

CREATE TABLE staff (
  staff_id TEXT PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id)
) STRICT;

CREATE TABLE staff_duty_version (
  id         INTEGER PRIMARY KEY,
  staff_id   TEXT NOT NULL REFERENCES staff(staff_id),
  role       TEXT NOT NULL CHECK (role IN ('counselor', 'head_teacher', 'branch_secretary', 'inspector')),
  status     TEXT NOT NULL CHECK (status IN ('current', 'left')),
  name       TEXT NOT NULL,
  phone      TEXT NOT NULL,
  cohorts    TEXT NOT NULL,
  classes    TEXT NOT NULL,
  branch     TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to   TEXT,
  batch_id   INTEGER NOT NULL REFERENCES import_batch(id),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
) STRICT;
CREATE UNIQUE INDEX staff_duty_current ON staff_duty_version(staff_id, role) WHERE valid_to IS NULL;
)sql";

// Version 2: member -> dorm assignments per semester, append-only, as a chain of versions.
constexpr const char* k_v2 = R"sql(
CREATE TABLE assignment (
  id          INTEGER PRIMARY KEY,
  semester_id TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('solve', 'best_effort', 'repair')),
  valid_from  TEXT NOT NULL,
  supersedes  INTEGER REFERENCES assignment(id),
  total_cost  INTEGER NOT NULL,
  created_at  TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  note        TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX assignment_chain ON assignment(supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX assignment_semester ON assignment(semester_id, id);

CREATE TABLE assignment_pair (
  assignment_id INTEGER NOT NULL REFERENCES assignment(id),
  dorm_code     TEXT NOT NULL REFERENCES dorm(code),
  member_id     TEXT NOT NULL REFERENCES student(student_id),
  cost          INTEGER NOT NULL,
  pinned        INTEGER NOT NULL CHECK (pinned IN (0, 1)),
  PRIMARY KEY (assignment_id, dorm_code)
) STRICT;
CREATE INDEX assignment_pair_member ON assignment_pair(member_id, assignment_id);

CREATE TABLE assignment_uncovered (
  assignment_id INTEGER NOT NULL REFERENCES assignment(id),
  dorm_code     TEXT NOT NULL REFERENCES dorm(code),
  PRIMARY KEY (assignment_id, dorm_code)
) STRICT;

CREATE TRIGGER assignment_no_update BEFORE UPDATE ON assignment
  BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
CREATE TRIGGER assignment_no_delete BEFORE DELETE ON assignment
  BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
CREATE TRIGGER assignment_pair_no_update BEFORE UPDATE ON assignment_pair
  BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
CREATE TRIGGER assignment_pair_no_delete BEFORE DELETE ON assignment_pair
  BEGIN SELECT RAISE(ABORT, 'assignments are append-only'); END;
)sql";

// Version 3: records (visits, talks, incidents, plans...) in one hash chain (docs/records.md).
constexpr const char* k_v3 = R"sql(
CREATE TABLE record (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('visit', 'talk', 'symposium', 'activity', 'orientation',
                   'education', 'cultivation', 'other', 'excused', 'incident', 'plan', 'summary',
                   'correction', 'withdrawal', 'purge')),
  member_id      TEXT NOT NULL REFERENCES student(student_id),
  dorm_code      TEXT REFERENCES dorm(code),
  semester_id    TEXT NOT NULL,
  happened_at    TEXT NOT NULL,
  entered_at     TEXT NOT NULL,
  entered_by     TEXT NOT NULL,
  channel        TEXT CHECK (channel IN ('in_person', 'phone', 'wechat', 'other')),
  corrects       INTEGER REFERENCES record(id),
  reason         TEXT NOT NULL,
  off_assignment INTEGER NOT NULL CHECK (off_assignment IN (0, 1)),
  incident_category TEXT CHECK (incident_category IN ('gambling', 'fighting', 'internet_addiction',
                      'overnight_absence', 'banned_appliance', 'unexcused_absence', 'other_violation',
                      'emergency')),
  severity       TEXT CHECK (severity IN ('low', 'medium', 'high')),
  reported_to    TEXT CHECK (reported_to IN ('counselor', 'head_teacher', 'branch_secretary', 'inspector')),
  reported_at    TEXT,
  content_digest TEXT NOT NULL,
  prev_hash      TEXT NOT NULL,
  hash           TEXT NOT NULL UNIQUE,
  CHECK ((kind = 'incident') = (incident_category IS NOT NULL))
) STRICT;
CREATE INDEX record_member ON record(member_id, happened_at);
CREATE INDEX record_dorm ON record(dorm_code, happened_at);
CREATE INDEX record_corrects ON record(corrects) WHERE corrects IS NOT NULL;

CREATE TABLE record_student (
  record_id  INTEGER NOT NULL REFERENCES record(id),
  student_id TEXT NOT NULL REFERENCES student(student_id),
  PRIMARY KEY (record_id, student_id)
) STRICT;
CREATE INDEX record_student_by_student ON record_student(student_id);

CREATE TABLE record_content (
  record_id INTEGER PRIMARY KEY REFERENCES record(id),
  progress  TEXT,
  note      TEXT,
  details   TEXT,
  purged    INTEGER NOT NULL CHECK (purged IN (0, 1))
) STRICT;

CREATE TRIGGER record_no_update BEFORE UPDATE ON record
  BEGIN SELECT RAISE(ABORT, 'records are append-only; add a correction'); END;
CREATE TRIGGER record_no_delete BEFORE DELETE ON record
  BEGIN SELECT RAISE(ABORT, 'records are append-only; add a withdrawal'); END;
CREATE TRIGGER record_student_no_update BEFORE UPDATE ON record_student
  BEGIN SELECT RAISE(ABORT, 'records are append-only; add a correction'); END;
CREATE TRIGGER record_student_no_delete BEFORE DELETE ON record_student
  BEGIN SELECT RAISE(ABORT, 'records are append-only; add a withdrawal'); END;
CREATE TRIGGER record_content_no_delete BEFORE DELETE ON record_content
  BEGIN SELECT RAISE(ABORT, 'records are append-only; add a purge'); END;
CREATE TRIGGER record_content_purge_only BEFORE UPDATE ON record_content
  WHEN NOT (NEW.purged = 1 AND NEW.progress IS NULL AND NEW.note IS NULL AND NEW.details IS NULL
            AND NEW.record_id = OLD.record_id
            AND EXISTS (SELECT 1 FROM record WHERE kind = 'purge' AND corrects = OLD.record_id))
  BEGIN SELECT RAISE(ABORT, 'record content changes only by a purge record'); END;
)sql";

// Version 4: submitted forms and summaries (what was handed in, frozen), and the inspection
// group's samples and findings (docs/check.md, docs/inspect.md). All append-only.
constexpr const char* k_v4 = R"sql(
CREATE TABLE submission (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('feedback', 'summary')),
  subject_id      TEXT NOT NULL,
  semester_id     TEXT NOT NULL,
  period          INTEGER NOT NULL CHECK (period >= 1),
  submitted_at    TEXT NOT NULL,
  submitted_by    TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  late            INTEGER NOT NULL CHECK (late IN (0, 1)),
  language        TEXT NOT NULL,
  format          TEXT NOT NULL,
  document        TEXT NOT NULL,
  document_sha256 TEXT NOT NULL,
  chain_head      TEXT NOT NULL,
  record_count    INTEGER NOT NULL,
  -- the real clock when the row was written (submitted_at follows --as-of), who the document
  -- is for, and whether it holds sensitive fields (re-printing it is then audited)
  recorded_at     TEXT NOT NULL DEFAULT '',
  audience        TEXT NOT NULL DEFAULT 'counselor' CHECK (audience IN ('counselor', 'branch', 'committee')),
  sensitive       INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1))
) STRICT;
CREATE INDEX submission_subject ON submission(semester_id, kind, subject_id, period);

CREATE TABLE inspection_sample (
  id          INTEGER PRIMARY KEY,
  semester_id TEXT NOT NULL,
  as_of       TEXT NOT NULL,
  seed        INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  method      TEXT NOT NULL,
  drawn_at    TEXT NOT NULL,
  drawn_by    TEXT NOT NULL
) STRICT;

CREATE TABLE inspection_sample_item (
  sample_id INTEGER NOT NULL REFERENCES inspection_sample(id),
  position  INTEGER NOT NULL,
  member_id TEXT NOT NULL REFERENCES student(student_id),
  dorm_code TEXT NOT NULL REFERENCES dorm(code),
  weight    INTEGER NOT NULL,
  PRIMARY KEY (sample_id, position)
) STRICT;

CREATE TABLE inspection_finding (
  id          INTEGER PRIMARY KEY,
  sample_id   INTEGER REFERENCES inspection_sample(id),
  semester_id TEXT NOT NULL,
  member_id   TEXT NOT NULL REFERENCES student(student_id),
  dorm_code   TEXT NOT NULL REFERENCES dorm(code),
  inspected_on TEXT NOT NULL,
  inspector   TEXT NOT NULL,
  record_id   INTEGER REFERENCES record(id),
  student_id  TEXT REFERENCES student(student_id),
  verdict     TEXT NOT NULL CHECK (verdict IN ('confirmed', 'contradicted')),
  note        TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  entered_by  TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_finding_member ON inspection_finding(semester_id, member_id);
CREATE INDEX inspection_finding_record ON inspection_finding(record_id) WHERE record_id IS NOT NULL;

-- Every report or export that included sensitive fields (--include-sensitive --reason).
CREATE TABLE sensitive_access (
  id          INTEGER PRIMARY KEY,
  accessed_at TEXT NOT NULL,
  accessed_by TEXT NOT NULL,
  command     TEXT NOT NULL,
  audience    TEXT NOT NULL,
  reason      TEXT NOT NULL CHECK (length(reason) > 0)
) STRICT;
CREATE TRIGGER sensitive_access_no_update BEFORE UPDATE ON sensitive_access
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER sensitive_access_no_delete BEFORE DELETE ON sensitive_access
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission
  BEGIN SELECT RAISE(ABORT, 'submissions are append-only; submit again'); END;
CREATE TRIGGER submission_no_delete BEFORE DELETE ON submission
  BEGIN SELECT RAISE(ABORT, 'submissions are append-only; submit again'); END;
CREATE TRIGGER inspection_sample_no_update BEFORE UPDATE ON inspection_sample
  BEGIN SELECT RAISE(ABORT, 'inspection samples are append-only'); END;
CREATE TRIGGER inspection_sample_no_delete BEFORE DELETE ON inspection_sample
  BEGIN SELECT RAISE(ABORT, 'inspection samples are append-only'); END;
CREATE TRIGGER inspection_sample_item_no_update BEFORE UPDATE ON inspection_sample_item
  BEGIN SELECT RAISE(ABORT, 'inspection samples are append-only'); END;
CREATE TRIGGER inspection_sample_item_no_delete BEFORE DELETE ON inspection_sample_item
  BEGIN SELECT RAISE(ABORT, 'inspection samples are append-only'); END;
CREATE TRIGGER inspection_finding_no_update BEFORE UPDATE ON inspection_finding
  BEGIN SELECT RAISE(ABORT, 'inspection findings are append-only; record a new finding'); END;
CREATE TRIGGER inspection_finding_no_delete BEFORE DELETE ON inspection_finding
  BEGIN SELECT RAISE(ABORT, 'inspection findings are append-only; record a new finding'); END;

-- dormlink check (src/store/check_store.cpp) reads a semester's records from these two covering
-- indexes, never from the wide rows: visits and talks in time order, and the kinds it lists one
-- by one (the same list as k_listed_kinds there).
CREATE INDEX record_check ON record(semester_id, kind, happened_at, dorm_code, entered_at);
CREATE INDEX record_check_other ON record(semester_id, kind, happened_at, member_id, dorm_code, entered_at,
  reported_at) WHERE kind IN ('excused', 'activity', 'symposium', 'orientation', 'plan', 'summary', 'incident');
)sql";

// Version 5: an import can be undone (`dormlink import undo`, docs/import.md): the undo is a new
// batch pointing at the one it reverses, at most one per batch; batches are append-only.
constexpr const char* k_v5 = R"sql(
ALTER TABLE import_batch ADD COLUMN undoes INTEGER REFERENCES import_batch(id);
CREATE UNIQUE INDEX import_batch_undoes ON import_batch(undoes) WHERE undoes IS NOT NULL;
CREATE TRIGGER import_batch_no_update BEFORE UPDATE ON import_batch
  BEGIN SELECT RAISE(ABORT, 'import batches are append-only; undo with a new batch'); END;
CREATE TRIGGER import_batch_no_delete BEFORE DELETE ON import_batch
  BEGIN SELECT RAISE(ABORT, 'import batches are append-only; undo with a new batch'); END;
)sql";

// Version 6: the anchors `verify` checks the chain against, and redaction of submitted
// documents by a purge (docs/records.md "What verify checks", "Purge").
constexpr const char* k_v6 = R"sql(
CREATE TABLE backup_receipt (
  id           INTEGER PRIMARY KEY,
  made_at      TEXT NOT NULL,
  made_by      TEXT NOT NULL,
  path         TEXT NOT NULL,
  record_count INTEGER NOT NULL CHECK (record_count >= 0),
  chain_head   TEXT NOT NULL,
  bytes        INTEGER NOT NULL
) STRICT;
CREATE TRIGGER backup_receipt_no_update BEFORE UPDATE ON backup_receipt
  BEGIN SELECT RAISE(ABORT, 'backup receipts are append-only'); END;
CREATE TRIGGER backup_receipt_no_delete BEFORE DELETE ON backup_receipt
  BEGIN SELECT RAISE(ABORT, 'backup receipts are append-only'); END;

ALTER TABLE submission ADD COLUMN redacted_by INTEGER REFERENCES record(id);
DROP TRIGGER submission_no_update;
CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission
  WHEN NOT (NEW.redacted_by IS NOT NULL
            AND EXISTS (SELECT 1 FROM record WHERE id = NEW.redacted_by AND kind = 'purge')
            AND (OLD.redacted_by IS NULL OR NEW.redacted_by > OLD.redacted_by)
            AND NEW.id = OLD.id AND NEW.kind = OLD.kind AND NEW.subject_id = OLD.subject_id
            AND NEW.semester_id = OLD.semester_id AND NEW.period = OLD.period
            AND NEW.submitted_at = OLD.submitted_at AND NEW.submitted_by = OLD.submitted_by
            AND NEW.due_date = OLD.due_date AND NEW.late = OLD.late AND NEW.language = OLD.language
            AND NEW.format = OLD.format AND NEW.document_sha256 = OLD.document_sha256
            AND NEW.chain_head = OLD.chain_head AND NEW.record_count = OLD.record_count
            AND NEW.recorded_at = OLD.recorded_at AND NEW.audience = OLD.audience
            AND NEW.sensitive = OLD.sensitive)
  BEGIN SELECT RAISE(ABORT, 'submissions are append-only; submit again'); END;
)sql";

// Version 7: the member's own form (docs/forms.md). A returned form file is imported once
// (form_import, keyed by its SHA-256); its records point at it and hash its SHA-256 and form id
// into the chain. A submission says who handed the form in: the member (from a file), the
// counselor (a summary) or the counselor on the member's behalf, with a reason. Forms handed in
// before this version were all made by whoever ran `report --submit`: they become on_behalf.
constexpr const char* k_v7 = R"sql(
INSERT OR IGNORE INTO meta (key, value) VALUES ('form_secret', lower(hex(randomblob(16))));

CREATE TABLE form_import (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  form_id     TEXT,
  member_id   TEXT NOT NULL REFERENCES student(student_id),
  semester_id TEXT NOT NULL,
  period      INTEGER NOT NULL CHECK (period >= 1),
  file_name   TEXT NOT NULL,
  file_format TEXT NOT NULL CHECK (file_format IN ('xlsx', 'csv')),
  received_at TEXT NOT NULL,
  no_contact  INTEGER NOT NULL CHECK (no_contact IN (0, 1)),
  row_count   INTEGER NOT NULL CHECK (row_count >= 0),
  replaces    INTEGER REFERENCES form_import(id),
  entered_at  TEXT NOT NULL,
  entered_by  TEXT NOT NULL
) STRICT;
CREATE INDEX form_import_subject ON form_import(semester_id, member_id, period, id);
CREATE TRIGGER form_import_no_update BEFORE UPDATE ON form_import
  BEGIN SELECT RAISE(ABORT, 'form imports are append-only; import a corrected file'); END;
CREATE TRIGGER form_import_no_delete BEFORE DELETE ON form_import
  BEGIN SELECT RAISE(ABORT, 'form imports are append-only; import a corrected file'); END;

ALTER TABLE record ADD COLUMN form_import INTEGER REFERENCES form_import(id);
CREATE INDEX record_form_import ON record(form_import) WHERE form_import IS NOT NULL;

ALTER TABLE submission ADD COLUMN source TEXT NOT NULL DEFAULT 'counselor'
  CHECK (source IN ('member', 'counselor', 'on_behalf'));
ALTER TABLE submission ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE submission ADD COLUMN form_import INTEGER REFERENCES form_import(id);

DROP TRIGGER submission_no_update;
UPDATE submission SET source = 'on_behalf', reason = '表单由辅导员在 v7 之前提交 (submitted by staff before schema 7)'
  WHERE kind = 'feedback';
CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission
  WHEN NOT (NEW.redacted_by IS NOT NULL
            AND EXISTS (SELECT 1 FROM record WHERE id = NEW.redacted_by AND kind = 'purge')
            AND (OLD.redacted_by IS NULL OR NEW.redacted_by > OLD.redacted_by)
            AND NEW.id = OLD.id AND NEW.kind = OLD.kind AND NEW.subject_id = OLD.subject_id
            AND NEW.semester_id = OLD.semester_id AND NEW.period = OLD.period
            AND NEW.submitted_at = OLD.submitted_at AND NEW.submitted_by = OLD.submitted_by
            AND NEW.due_date = OLD.due_date AND NEW.late = OLD.late AND NEW.language = OLD.language
            AND NEW.format = OLD.format AND NEW.document_sha256 = OLD.document_sha256
            AND NEW.chain_head = OLD.chain_head AND NEW.record_count = OLD.record_count
            AND NEW.recorded_at = OLD.recorded_at AND NEW.audience = OLD.audience
            AND NEW.sensitive = OLD.sensitive AND NEW.source = OLD.source AND NEW.reason = OLD.reason
            AND NEW.form_import IS OLD.form_import)
  BEGIN SELECT RAISE(ABORT, 'submissions are append-only; submit again'); END;
CREATE INDEX submission_form_import ON submission(form_import) WHERE form_import IS NOT NULL;
)sql";

// Version 8: single-record commands find the students a typed name can mean by an index
// (docs/performance.md), not by reading the whole roster.
constexpr const char* k_v8 = R"sql(
CREATE INDEX student_version_name ON student_version(name, valid_from);
)sql";

// Version 9: digests routed by e-mail (docs/digest.md §2). Rosters may carry an address (empty
// when not given); digest_mark keeps, append-only, which digest was handed over for whom, so
// that `check --digest --since-last` and the next evening's notify list only what is new.
constexpr const char* k_v9 = R"sql(
ALTER TABLE student_version ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE staff_duty_version ADD COLUMN email TEXT NOT NULL DEFAULT '';

CREATE TABLE digest_mark (
  id         INTEGER PRIMARY KEY,
  recipient  TEXT NOT NULL,
  as_of      TEXT NOT NULL CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  message_id TEXT NOT NULL,
  sent_at    TEXT NOT NULL,
  via        TEXT NOT NULL
) STRICT;
CREATE INDEX digest_mark_recipient ON digest_mark(recipient, as_of);
CREATE TRIGGER digest_mark_no_update BEFORE UPDATE ON digest_mark
  BEGIN SELECT RAISE(ABORT, 'digest marks are append-only'); END;
CREATE TRIGGER digest_mark_no_delete BEFORE DELETE ON digest_mark
  BEGIN SELECT RAISE(ABORT, 'digest marks are append-only'); END;
)sql";

// Version 10: check's copy of who each talk named (docs/schema.md "talk_student"). check reads
// a semester's talks with their students from this table alone, in time order, instead of
// probing record_student once per talk (a university's 679,000 talks: half of a counselor's
// digest). Filled by a trigger as record_student rows are written; append-only like both
// tables it copies; verify checks it equals record_student joined with record.
constexpr const char* k_v10 = R"sql(
CREATE TABLE talk_student (
  semester_id TEXT NOT NULL,
  happened_at TEXT NOT NULL,
  record_id   INTEGER NOT NULL REFERENCES record(id),
  student_id  TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  PRIMARY KEY (semester_id, happened_at, record_id, student_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER record_student_talk AFTER INSERT ON record_student
  WHEN (SELECT kind FROM record WHERE id = NEW.record_id) = 'talk'
  BEGIN
    INSERT INTO talk_student (semester_id, happened_at, record_id, student_id, entered_at)
      SELECT r.semester_id, r.happened_at, r.id, NEW.student_id, r.entered_at FROM record r WHERE r.id = NEW.record_id;
  END;
CREATE TRIGGER talk_student_no_update BEFORE UPDATE ON talk_student
  BEGIN SELECT RAISE(ABORT, 'talk_student follows record_student; records are append-only'); END;
CREATE TRIGGER talk_student_no_delete BEFORE DELETE ON talk_student
  BEGIN SELECT RAISE(ABORT, 'talk_student follows record_student; records are append-only'); END;
INSERT INTO talk_student (semester_id, happened_at, record_id, student_id, entered_at)
  SELECT r.semester_id, r.happened_at, r.id, s.student_id, r.entered_at
  FROM record r JOIN record_student s ON s.record_id = r.id WHERE r.kind = 'talk';
)sql";

// Version 11: the rest of the regulation (docs/cases.md, docs/inspect.md, docs/studio.md).
// Cases: the staff side of a member's concern about a student (及时汇报) and of an incident
// (第一时间): acknowledged, action taken, closed. Each step is a row of its own hash chain
// (case_event), its text apart (case_text) so a purge can erase it. Findings the inspection group
// makes without a record (inspection_observation). Studio members in the rosters. The studio's
// and the branch's marks beside the computed assessment (assessment_mark).
constexpr const char* k_v11 = R"sql(
CREATE TABLE case_event (
  id          INTEGER PRIMARY KEY,
  case_kind   TEXT NOT NULL CHECK (case_kind IN ('concern', 'incident')),
  record_id   INTEGER NOT NULL REFERENCES record(id),
  student_id  TEXT REFERENCES student(student_id),
  step        TEXT NOT NULL CHECK (step IN ('open', 'ack', 'action', 'close')),
  escalate_to TEXT CHECK (escalate_to IN ('counselor', 'head_teacher', 'leader')),
  staff_id    TEXT REFERENCES staff(staff_id),
  happened_at TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  entered_by  TEXT NOT NULL,
  text_digest TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE,
  CHECK ((step = 'open') = (staff_id IS NULL)),
  CHECK ((step = 'open') = (escalate_to IS NOT NULL)),
  CHECK (case_kind = 'incident' OR student_id IS NOT NULL),
  CHECK (case_kind = 'concern' OR step <> 'open')
) STRICT;
CREATE INDEX case_event_record ON case_event(record_id, id);
CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event
  BEGIN SELECT RAISE(ABORT, 'case events are append-only; record the next step'); END;
CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event
  BEGIN SELECT RAISE(ABORT, 'case events are append-only; record the next step'); END;

CREATE TABLE case_text (
  event_id INTEGER PRIMARY KEY REFERENCES case_event(id),
  text     TEXT,
  purged   INTEGER NOT NULL DEFAULT 0 CHECK (purged IN (0, 1))
) STRICT;
CREATE TRIGGER case_text_no_delete BEFORE DELETE ON case_text
  BEGIN SELECT RAISE(ABORT, 'case texts are kept; a purge of the record erases them'); END;
CREATE TRIGGER case_text_only_purge BEFORE UPDATE ON case_text
  WHEN NOT (NEW.event_id = OLD.event_id AND NEW.text IS NULL AND NEW.purged = 1
            AND EXISTS (WITH RECURSIVE chain(id) AS (
                          SELECT e.record_id FROM case_event e WHERE e.id = OLD.event_id
                          UNION SELECT r.id FROM record r JOIN chain c ON r.corrects = c.id
                                WHERE r.kind NOT IN ('withdrawal', 'purge'))
                        SELECT 1 FROM record p JOIN chain c ON p.corrects = c.id WHERE p.kind = 'purge'))
  BEGIN SELECT RAISE(ABORT, 'case texts change only when a purge erases them'); END;

CREATE TABLE inspection_observation (
  id                INTEGER PRIMARY KEY,
  sample_id         INTEGER REFERENCES inspection_sample(id),
  semester_id       TEXT NOT NULL,
  finding           TEXT NOT NULL CHECK (finding IN ('no_contact', 'dorm_condition', 'other')),
  dorm_code         TEXT NOT NULL REFERENCES dorm(code),
  member_id         TEXT REFERENCES student(student_id),
  student_id        TEXT REFERENCES student(student_id),
  incident_category TEXT CHECK (incident_category IN ('gambling', 'fighting', 'internet_addiction',
                      'overnight_absence', 'banned_appliance', 'unexcused_absence', 'other_violation',
                      'emergency')),
  inspected_on      TEXT NOT NULL,
  inspector_id      TEXT NOT NULL REFERENCES staff(staff_id),
  note              TEXT NOT NULL,
  entered_at        TEXT NOT NULL,
  entered_by        TEXT NOT NULL
) STRICT;
CREATE INDEX inspection_observation_member ON inspection_observation(semester_id, member_id);
CREATE INDEX inspection_observation_dorm ON inspection_observation(dorm_code, inspected_on);
CREATE TRIGGER inspection_observation_no_update BEFORE UPDATE ON inspection_observation
  BEGIN SELECT RAISE(ABORT, 'inspection findings are append-only; record a new finding'); END;
CREATE TRIGGER inspection_observation_no_delete BEFORE DELETE ON inspection_observation
  BEGIN SELECT RAISE(ABORT, 'inspection findings are append-only; record a new finding'); END;

ALTER TABLE student_version ADD COLUMN studio INTEGER NOT NULL DEFAULT 0 CHECK (studio IN (0, 1));
ALTER TABLE staff_duty_version ADD COLUMN studio INTEGER NOT NULL DEFAULT 0 CHECK (studio IN (0, 1));

CREATE TABLE assessment_mark (
  id          INTEGER PRIMARY KEY,
  semester_id TEXT NOT NULL,
  member_id   TEXT NOT NULL REFERENCES student(student_id),
  source      TEXT NOT NULL CHECK (source IN ('studio', 'branch')),
  mark        TEXT NOT NULL,
  given_by    TEXT NOT NULL,
  note        TEXT NOT NULL,
  entered_at  TEXT NOT NULL,
  entered_by  TEXT NOT NULL
) STRICT;
CREATE INDEX assessment_mark_member ON assessment_mark(semester_id, member_id, source, id);
CREATE TRIGGER assessment_mark_no_update BEFORE UPDATE ON assessment_mark
  BEGIN SELECT RAISE(ABORT, 'marks are append-only; give a new mark'); END;
CREATE TRIGGER assessment_mark_no_delete BEFORE DELETE ON assessment_mark
  BEGIN SELECT RAISE(ABORT, 'marks are append-only; give a new mark'); END;
)sql";

constexpr std::array<const char*, 11> k_migrations{k_v1, k_v2, k_v3, k_v4, k_v5, k_v6, k_v7, k_v8, k_v9, k_v10, k_v11};

}  // namespace

const char* migration_sql(int version) {
  if (version < 1 || version > static_cast<int>(k_migrations.size())) return nullptr;
  return k_migrations[static_cast<std::size_t>(version - 1)];
}

}  // namespace dormlink::store
