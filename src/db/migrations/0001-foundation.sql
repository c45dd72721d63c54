-- Schema v1. Citus-ready: agency-owned tables carry agency_id first in their primary and foreign keys;
-- states, districts, agencies, agency_closure, offence_codes, users and sessions are small reference tables.

create table states (
  lgd_code integer primary key,
  name text not null,
  kind text not null check (kind in ('state', 'union_territory')),
  iso_code text not null unique
);

create table districts (
  lgd_code integer primary key,
  state_lgd_code integer not null references states (lgd_code),
  name text not null,
  census2011_code integer
);
create index districts_state on districts (state_lgd_code);

create table agencies (
  id uuid primary key,
  code text not null unique,
  name text not null,
  kind text not null check (kind in ('national', 'state', 'district', 'police_station', 'ahtu', 'cyber_cell', 'cid',
    'cbi', 'cwc', 'dcpu', 'ngo', 'court', 'prosecution', 'oversight')),
  parent_id uuid references agencies (id),
  state_lgd_code integer references states (lgd_code),
  district_lgd_code integer references districts (lgd_code),
  contact_officer text,
  contact_phone text,
  contact_email text,
  created_at timestamptz not null default now()
);
create index agencies_parent on agencies (parent_id);
create index agencies_state on agencies (state_lgd_code, kind);

-- Every (ancestor, descendant) pair of the hierarchy, including each agency with itself (depth 0):
-- "agencies below mine" is one indexed lookup, not a recursive query per request.
create table agency_closure (
  ancestor_id uuid not null references agencies (id),
  descendant_id uuid not null references agencies (id),
  depth integer not null,
  primary key (ancestor_id, descendant_id)
);
create index agency_closure_descendant on agency_closure (descendant_id);

create table offence_codes (
  code text primary key,
  act text not null,
  section text not null,
  title text not null,
  child_specific boolean not null,
  demand_side text not null check (demand_side in ('yes', 'no', 'arguable', 'contested', 'partly')),
  equivalent text,
  tag text not null check (tag in ('V', 'S', 'U')),
  source text not null
);

create table users (
  id uuid primary key,
  agency_id uuid not null references agencies (id),
  email text not null,
  display_name text not null,
  role text not null,
  password_hash text not null,
  disabled_at timestamptz,
  failed_sign_ins integer not null default 0,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email on users (lower(email));
create index users_agency on users (agency_id);

create table sessions (
  token_hash text primary key,
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('cookie', 'api')),
  label text,
  csrf_token text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  client_address text
);
create index sessions_user on sessions (user_id);

create table setup_tokens (
  token_hash text primary key,
  created_at timestamptz not null default now(),
  used_at timestamptz
);

create table cases (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  external_id text,
  fir_number text,
  fir_kind text not null default 'fir' check (fir_kind in ('fir', 'zero_fir', 'e_fir')),
  gd_entry text,
  registered_at timestamptz not null,
  occurred_from timestamptz,
  occurred_to timestamptz,
  place text,
  pincode text check (pincode ~ '^[1-9][0-9]{5}$'),
  state_lgd_code integer references states (lgd_code),
  district_lgd_code integer references districts (lgd_code),
  status text not null default 'registered' check (status in ('registered', 'under_investigation',
    'charge_sheeted', 'final_report', 'in_trial', 'convicted', 'acquitted', 'transferred', 'closed')),
  procedure_code text not null check (procedure_code in ('CrPC', 'BNSS')),
  summary text,
  distribution text not null default 'agency' check (distribution in ('agency', 'district', 'state', 'national', 'group')),
  sharing_group_id uuid,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (agency_id, id),
  check ((distribution = 'group') = (sharing_group_id is not null))
);
create unique index cases_external on cases (agency_id, external_id);
create unique index cases_fir on cases (agency_id, fir_number);
create index cases_registered on cases (agency_id, registered_at desc, id desc);
create index cases_district on cases (district_lgd_code, registered_at desc);

create table case_offences (
  agency_id uuid not null,
  case_id uuid not null,
  offence_code text not null references offence_codes (code),
  primary key (agency_id, case_id, offence_code),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade
);
create index case_offences_code on case_offences (offence_code);

create table persons (
  agency_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  external_id text,
  role text not null check (role in ('victim', 'accused', 'buyer', 'trafficker', 'witness', 'guardian', 'informant')),
  full_name text not null,
  aliases text[] not null default '{}',
  relation_kind text check (relation_kind in ('s/o', 'd/o', 'w/o', 'c/o')),
  relation_name text,
  gender text check (gender in ('female', 'male', 'transgender', 'unknown')),
  birth_date date,
  age integer check (age between 0 and 120),
  age_recorded_on date,
  address text,
  pincode text check (pincode ~ '^[1-9][0-9]{5}$'),
  district_lgd_code integer references districts (lgd_code),
  notes text,
  distribution text not null default 'agency' check (distribution in ('agency', 'district', 'state', 'national', 'group')),
  sharing_group_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (agency_id, id),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade,
  check ((distribution = 'group') = (sharing_group_id is not null))
);
create unique index persons_external on persons (agency_id, external_id);
create index persons_case on persons (agency_id, case_id);

create table identifiers (
  agency_id uuid not null,
  id uuid not null,
  case_id uuid not null,
  person_id uuid,
  external_id text,
  kind text not null check (kind in ('phone', 'email', 'upi', 'bank_account', 'vehicle', 'social_handle', 'url',
    'ip', 'address', 'aadhaar_masked')),
  value text not null,
  normalised text not null,
  distribution text not null default 'agency' check (distribution in ('agency', 'district', 'state', 'national', 'group')),
  sharing_group_id uuid,
  created_at timestamptz not null default now(),
  primary key (agency_id, id),
  foreign key (agency_id, case_id) references cases (agency_id, id) on delete cascade,
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade,
  check ((distribution = 'group') = (sharing_group_id is not null))
);
create unique index identifiers_external on identifiers (agency_id, external_id);
create index identifiers_case on identifiers (agency_id, case_id);
create index identifiers_value on identifiers (kind, normalised);

-- Append-only log of writes and of reads of protected data, partitioned by month.
-- The hash chain and database-enforced immutability come with the access-control issue.
create table audit_events (
  occurred_at timestamptz not null,
  id uuid not null,
  agency_id uuid,
  user_id uuid,
  role text,
  action text not null,
  record_kind text,
  record_id uuid,
  record_agency_id uuid,
  detail jsonb,
  client_address text,
  primary key (occurred_at, id)
) partition by range (occurred_at);
create table audit_events_default partition of audit_events default;
create index audit_events_record on audit_events (record_id, occurred_at);
create index audit_events_user on audit_events (user_id, occurred_at);

create table import_batches (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  source_name text not null,
  source_sha256 text not null,
  format text not null,
  rows_total integer not null,
  cases_written integer not null,
  persons_written integer not null,
  identifiers_written integer not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (agency_id, id)
);
