-- A review's steps in the transaction's audit log, beside the changes they decide on: who opened
-- the review, froze a revision, approved or rejected it (the control database keeps the review).
alter table iasql_audit_log drop constraint iasql_audit_log_change_type_check;
alter table iasql_audit_log add constraint iasql_audit_log_change_type_check check (change_type in (
    'INSERT', 'UPDATE', 'DELETE', 'BEGIN', 'PREVIEW', 'COMMIT_START', 'COMMIT_END', 'ROLLBACK', 'ERROR', 'SYNC',
    'INSTALL', 'UNINSTALL', 'APPLY', 'REVIEW_OPENED', 'REVISION', 'APPROVED', 'REJECTED'));
