-- Person keys, version 2 (issue 4, screening at 1,000,000 persons; docs/profiles.md "Blocking keys").
--
-- Every key row carries the person's estimated birth year (`born`, 0 when unknown), so that a query with an age
-- reads only the keys of persons born near it: the lookup is (key, born) in one index. Keys written from now on
-- are shorter (72 bits of the blind index) and include name-with-relation keys; the keys already stored stay
-- readable until `childgrid grid rekey` rebuilds them (person_keys_state.version says which kind is stored).
alter table person_keys add column born smallint not null default 0;
-- Keys are opaque hashes: byte order is all a lookup needs, and cheaper to compare than a language's collation.
alter table person_keys drop constraint person_keys_pkey;
alter table person_keys alter column key type text collate "C";
alter table person_keys add primary key (key, born, agency_id, person_id);

-- One row: the version of the keys stored (1: name keys only, as written before this migration; 2: the current
-- kind) and, while `grid rekey` runs, the last person it rebuilt (it resumes there after an interruption).
create table person_keys_state (
  id boolean primary key default true check (id),
  version integer not null,
  rebuilt_at timestamptz,
  cursor_agency_id uuid,
  cursor_person_id uuid
);
-- A database without persons has nothing to rebuild: its keys will all be written by the current code.
insert into person_keys_state (version) select case when exists (select 1 from persons) then 1 else 2 end;
