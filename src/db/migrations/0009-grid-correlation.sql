-- The grid's correlation of identifiers across agencies (docs/grid.md): thresholds for over-common values,
-- warning lists, identifier watchlists and the alerts the grid raises (deconfliction, watchlist, re-trafficking).
-- Correlation itself is a query over identifiers_value; these tables hold only what a query cannot derive.

-- Thresholds above which a value is "too common" to link (MISP's correlation cap). Small reference table.
create table grid_settings (
  key text primary key check (key in ('common_value_cases', 'common_value_agencies')),
  value integer not null check (value between 2 and 1000000),
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);
insert into grid_settings (key, value) values ('common_value_cases', 50), ('common_value_agencies', 15);

-- Values that must never correlate: helplines, test numbers, numbers agencies use themselves. National entries
-- (agency_id null) apply to every record; an agency's entries to that agency's records. Small reference table.
-- The application normalises `value` again when it loads the list (the normaliser may have changed since);
-- `normalised` keeps one active entry per value. Every agency's own contact phone is on the list too, implicitly.
create table grid_warning_list (
  id uuid primary key,
  agency_id uuid references agencies (id),
  kind text not null check (kind in ('phone', 'email', 'upi', 'bank_account', 'vehicle', 'social_handle', 'url',
    'domain', 'ip', 'pincode', 'address', 'aadhaar_masked')),
  value text not null,
  normalised text not null,
  reason text not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  removed_by uuid references users (id),
  removed_at timestamptz
);
create unique index grid_warning_list_active on grid_warning_list
  (kind, normalised, coalesce(agency_id, '00000000-0000-0000-0000-000000000000'::uuid)) where removed_at is null;

-- The national entries every installation starts with (editable: a system administrator may remove them).
-- Reference data, so random ids here rather than UUIDv7 made by the application. Service short codes are kept
-- as their digits: today's phone normaliser refuses them as identifiers, but records imported before it may
-- hold them, and a search for one is answered "warning-listed" rather than "no match".
insert into grid_warning_list (id, kind, value, normalised, reason)
select gen_random_uuid(), 'phone', v.value, v.normalised, v.reason
from (values
  ('100', '100', 'Police emergency number'),
  ('101', '101', 'Fire service emergency number'),
  ('102', '102', 'Ambulance (maternal and child) number'),
  ('108', '108', 'Emergency ambulance number'),
  ('112', '112', 'Emergency Response Support System (ERSS), all emergencies'),
  ('1098', '1098', 'Child Helpline (Childline)'),
  ('181', '181', 'Women Helpline'),
  ('1091', '1091', 'Women in distress helpline (police)'),
  ('1930', '1930', 'National Cyber Crime Helpline'),
  ('14567', '14567', 'National Helpline for Senior Citizens (Elderline)'),
  ('15100', '15100', 'Legal services helpline (NALSA)'),
  ('9999999999', '+919999999999', 'Placeholder number written when none is known'),
  ('8888888888', '+918888888888', 'Placeholder number written when none is known'),
  ('7777777777', '+917777777777', 'Placeholder number written when none is known'),
  ('9876543210', '+919876543210', 'Placeholder number written in forms and tests'),
  ('1234567890', '1234567890', 'Placeholder number written in forms and tests'),
  ('0000000000', '0000000000', 'Placeholder number written when none is known')
) as v(value, normalised, reason);
insert into grid_warning_list (id, kind, value, normalised, reason)
values (gen_random_uuid(), 'email', 'test@test.com', 'test@test.com', 'Placeholder email written when none is known');

-- A user watches an identifier (or, with the profile work, a person profile). Matched by the blind index of the
-- value so that a protected person's identifier matches too.
create table grid_watches (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  user_id uuid not null references users (id),
  kind text check (kind in ('phone', 'email', 'upi', 'bank_account', 'vehicle', 'social_handle', 'url', 'domain',
    'ip', 'address')),
  value text,
  normalised text,
  blind text,
  -- A canonical person profile (person_profiles, added by a later migration: no foreign key here).
  profile_id uuid,
  reason text not null,
  created_at timestamptz not null default now(),
  removed_at timestamptz,
  primary key (agency_id, id),
  check (profile_id is not null or (kind is not null and normalised is not null and blind is not null))
);
create index grid_watches_blind on grid_watches (kind, blind) where removed_at is null;
create index grid_watches_profile on grid_watches (profile_id) where removed_at is null;
create index grid_watches_user on grid_watches (user_id, created_at desc);

-- What the grid tells an agency (or, for a watch, one user): distributed by the agency alerted. The other side is
-- named by agency and case id only; what the recipient may read of it is decided when the alert is read.
create table grid_alerts (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  kind text not null check (kind in ('deconfliction', 'watchlist', 're_trafficking')),
  -- Watch alerts go to the watcher only.
  user_id uuid references users (id),
  -- One alert per pair of cases (deconfliction), per child and record (re-trafficking), per watch and record.
  dedupe_key text not null,
  -- The recipient's side: its case (deconfliction), the child's case and person (re-trafficking).
  case_agency_id uuid,
  case_id uuid,
  person_id uuid,
  -- The other side: the record that matched.
  other_agency_id uuid not null references agencies (id),
  other_case_id uuid not null,
  match_kind text not null,
  match_on text not null check (match_on in ('identifier', 'person', 'profile')),
  watch_id uuid,
  -- Provenance: which identifiers (or which person link, score, rule) made the alert.
  detail jsonb,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (agency_id, id)
);
create unique index grid_alerts_dedupe on grid_alerts (agency_id, dedupe_key);
create index grid_alerts_recent on grid_alerts (agency_id, created_at desc);

-- Counting the cases that hold a value (the cap) reads the index alone.
create index identifiers_value_case on identifiers (kind, normalised, agency_id, case_id);
