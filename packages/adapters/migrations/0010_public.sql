-- 0010: personal timetable links (issue 13 §5). A school hands a student a link to their own
-- profile-course timetable; the link carries an unguessable token (256 random bits) and the
-- database keeps only the token's SHA-256, so a copy of the database (or a backup) cannot be
-- turned back into working links. A link names the student, who issued it, when, until when
-- it works, and when it was revoked (a new link for the same student revokes the old ones).

CREATE TABLE course_timetable_links (
  token_sha256 text PRIMARY KEY CHECK (token_sha256 ~ '^[0-9a-f]{64}$'),
  network_id text NOT NULL,
  student_id text NOT NULL,
  issued_by text NOT NULL,
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  CHECK (expires_at > issued_at),
  CHECK (revoked_at IS NULL OR revoked_at >= issued_at)
);

CREATE INDEX course_timetable_links_student
  ON course_timetable_links (network_id, student_id)
  WHERE revoked_at IS NULL;
