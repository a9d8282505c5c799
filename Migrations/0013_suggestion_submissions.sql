-- The suggestion form's per-rendering id (a random submission id written into each rendering of the form, next to
-- a signed token naming the unit). A form sent twice (a reload of the POST, a double tap, a resend after a lost
-- answer) carries the same id: the second send stores nothing and answers the same receipt. Suggestions stored
-- before this migration, and those added from the command line, have none.
ALTER TABLE suggestions ADD COLUMN submission_id TEXT;
CREATE UNIQUE INDEX suggestions_by_submission ON suggestions(submission_id) WHERE submission_id IS NOT NULL;
