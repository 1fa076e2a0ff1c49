-- The audit page filters the log and pages it newest first. With these, a filter on a person or a
-- time range walks only their entries instead of the whole log, and the list of actors is one
-- index probe per actor.
create index if not exists iasql_audit_log_actor on iasql_audit_log (actor, id);
create index if not exists iasql_audit_log_ts on iasql_audit_log (ts);
