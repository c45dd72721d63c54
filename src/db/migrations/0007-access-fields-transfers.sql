-- Per-officer scope and transfers of cases between stations. See docs/security.md ("Access control").

-- The investigating officer a station house officer or supervisor put on the case. A `self`-scoped role
-- (the constable / station writer) reads in full only the cases it created or is assigned to.
alter table cases add column assigned_to uuid references users (id);
create index cases_assigned on cases (assigned_to) where assigned_to is not null;
create index cases_created_by on cases (created_by) where created_by is not null;

-- A case transferred to the station with jurisdiction (a zero FIR, BNSS s.173(1); india-law.md §a.1 A7), or
-- its investigation to another police unit. The receiving agency gets its own copy (`to_case_id`, with new ids:
-- agency-owned rows carry agency_id in their keys and are distributed by it, so a row does not change owner);
-- the sending agency keeps its case, read-only, with status `transferred`. Distributed by the sending agency.
create table case_transfers (
  agency_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  to_agency_id uuid not null references agencies (id),
  to_case_id uuid not null,
  reason text not null,
  consent_override_reason text,
  transferred_by uuid references users (id),
  transferred_at timestamptz not null default now(),
  primary key (agency_id, id),
  -- No foreign key to the copy: it lives under another agency (another shard under Citus).
  foreign key (agency_id, case_id) references cases (agency_id, id)
);
-- A case is transferred once; its copy may be transferred onwards as a case of its own.
create unique index case_transfers_case on case_transfers (agency_id, case_id);
create index case_transfers_to on case_transfers (to_agency_id, to_case_id);
