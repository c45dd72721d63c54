-- The grid's persons: canonical profiles built by person resolution, the review queue that builds them, blocking
-- keys for screening, and the history-sheet register (issue 4; domain file section (e)).

-- A canonical person: the records (persons rows, in any agency) believed to be one human being. A profile has no
-- content of its own; what a caller sees of it is what they may read of its member records.
create table person_profiles (
  id uuid primary key,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Which profile each person record belongs to, and why (provenance: rule, model or review; score; model version;
-- reviewer). A record belongs to at most one profile.
create table profile_members (
  agency_id uuid not null,
  person_id uuid not null,
  profile_id uuid not null references person_profiles (id),
  method text not null check (method in ('single', 'model', 'review')),
  score real,
  model_version text,
  reviewer_id uuid references users (id),
  linked_at timestamptz not null default now(),
  primary key (agency_id, person_id),
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
create index profile_members_profile on profile_members (profile_id);

-- Pairs of person records the model placed in the review band (or that an officer asked about): the review queue.
-- The pair is stored in a fixed order (a < b by agency, then person) so that it is queued once.
create table match_candidates (
  id uuid primary key,
  a_agency_id uuid not null,
  a_person_id uuid not null,
  b_agency_id uuid not null,
  b_person_id uuid not null,
  score real not null,
  explanation jsonb not null,
  model_version text not null,
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected', 'unsure')),
  reviewer_id uuid references users (id),
  reviewed_at timestamptz,
  note text,
  created_at timestamptz not null default now(),
  foreign key (a_agency_id, a_person_id) references persons (agency_id, id) on delete cascade,
  foreign key (b_agency_id, b_person_id) references persons (agency_id, id) on delete cascade,
  check ((a_agency_id, a_person_id) < (b_agency_id, b_person_id))
);
create unique index match_candidates_pair on match_candidates (a_agency_id, a_person_id, b_agency_id, b_person_id);
create index match_candidates_status on match_candidates (status, score desc);

-- Blocking keys of every person record, keyed-hashed (the same blind index as protected identifiers), so that a
-- screening query finds its candidates by index without any name being stored in clear here.
create table person_keys (
  key text not null,
  agency_id uuid not null,
  person_id uuid not null,
  primary key (key, agency_id, person_id),
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
create index person_keys_person on person_keys (agency_id, person_id);

-- History sheets and surveillance registers come from state police rules, not a central statute, and differ by
-- state (domain file section (e)): every rule is configuration. state_lgd_code null = the default for states
-- without their own rows. review_months is UNVERIFIED in the domain file (platform implication 2): configurable.
create table history_sheet_rules (
  id text primary key,
  state_lgd_code integer,
  category text not null,
  label text not null,
  min_rank text not null check (min_rank in ('constable', 'head_constable', 'asi', 'si', 'inspector', 'dsp',
    'addl_sp', 'sp', 'ssp', 'dig', 'ig', 'adgp', 'dgp')),
  reasons_required text not null check (reasons_required in ('always', 'if_never_convicted')),
  review_months integer check (review_months between 1 and 120),
  tag text not null check (tag in ('V', 'S', 'U')),
  source text not null,
  unique (state_lgd_code, category)
);

create table history_sheets (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  number integer not null,
  profile_id uuid not null references person_profiles (id),
  person_agency_id uuid not null,
  person_id uuid not null,
  rule_id text not null references history_sheet_rules (id),
  grounds text not null,
  convicted boolean not null,
  ordered_by_name text not null,
  ordered_by_rank text not null,
  opened_on date not null,
  review_due_on date,
  status text not null default 'open' check (status in ('open', 'closed')),
  closed_on date,
  closure_reason text,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (agency_id, id),
  unique (agency_id, number),
  foreign key (person_agency_id, person_id) references persons (agency_id, id),
  check ((status = 'closed') = (closed_on is not null))
);
create index history_sheets_profile on history_sheets (profile_id);
-- One open sheet per person per agency: a second would be the CAG's "duplicate ids per accused" again.
create unique index history_sheets_open on history_sheets (agency_id, profile_id) where status = 'open';
create index history_sheets_review on history_sheets (agency_id, status, review_due_on);

-- The rules the domain file quotes (section (e), rows H1, H2, H4, H5). States not listed use the default rows;
-- administrators add their state's rules. Review intervals are not in any verified source: 12 months is a
-- placeholder to be set per state (tag U).
insert into history_sheet_rules (id, state_lgd_code, category, label, min_rank, reasons_required, review_months, tag, source) values
  ('default-history-sheet', null, 'history_sheet', 'History sheet', 'inspector', 'if_never_convicted', 12, 'U',
   'Domain file (e) H4: PPR r.23.9(2) pattern (officer not below Inspector); reasons per H2; review interval U'),
  ('pb-register-10-ii', 3, 'register_10_part_ii', 'Surveillance Register No. 10, Part II', 'sp', 'if_never_convicted', 12, 'V',
   'PPR 1934 r.23.4(3)(b) and r.23.5 (domain file (e) H1, H2); review interval U'),
  ('pb-history-sheet', 3, 'history_sheet', 'History sheet (PPR r.23.9)', 'inspector', 'if_never_convicted', 12, 'V',
   'PPR 1934 rr.23.8-23.12, 23.14; r.23.9(2) (domain file (e) H4); review interval U'),
  ('hr-register-10-ii', 6, 'register_10_part_ii', 'Surveillance Register No. 10, Part II', 'sp', 'if_never_convicted', 12, 'V',
   'PPR 1934 as applied in Haryana, r.23.4(3)(b) and r.23.5 (domain file (e) H1, H2); review interval U'),
  ('hr-history-sheet', 6, 'history_sheet', 'History sheet (PPR r.23.9)', 'inspector', 'if_never_convicted', 12, 'V',
   'PPR 1934 as applied in Haryana, r.23.9(2) (domain file (e) H4); review interval U'),
  ('up-class-a', 9, 'class_a', 'History sheet Class A (dacoits, burglars, cattle thieves, wagon thieves, abettors)', 'inspector', 'if_never_convicted', 12, 'U',
   'UP Police Regulations para 228 (domain file (e) H5); opening rank and review interval U'),
  ('up-class-b', 9, 'class_b', 'History sheet Class B (confirmed and professional criminals)', 'inspector', 'if_never_convicted', 12, 'U',
   'UP Police Regulations para 228 (domain file (e) H5); opening rank and review interval U');
