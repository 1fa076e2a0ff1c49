-- An environment's database may live on another PostgreSQL server than the control database.
alter table environment add column database_server varchar(2048);
