-- Tips (docs/tips.md): what someone told an agency — a caller to the 1098 helpline, a member of the public, a
-- platform's report, an informant — recorded by a police officer, with the identifiers it holds, so that a watch on
-- a phone or a UPI id fires when it turns up in a tip as it does for a case or an import (issue 4, watchlists).
-- The public tip form, platform-report import, routing and triage (capability 7) extend these tables.

create table tips (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  received_at timestamptz not null,
  source text not null check (source in ('public', 'platform_report', 'helpline_1098', 'informant', 'other')),
  -- The tip as told, sealed under the keyring (AAD `tip:<agency>:<id>:text`): it may name a child or the caller.
  text text not null,
  place text,
  district_lgd_code integer references districts (lgd_code),
  pincode text check (pincode ~ '^[1-9][0-9]{5}$'),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  primary key (agency_id, id)
);
-- The agency's list, newest first (ids are UUIDv7: creation order), and a constable's own tips.
create index tips_agency_recent on tips (agency_id, id desc);
create index tips_created_by on tips (agency_id, created_by, id desc);

-- The identifiers a tip holds, stored as `identifiers` stores a protected person's: the value as written sealed
-- under the keyring (AAD `tip_identifier:<agency>:<id>:value`), and `normalised` holding the blind index of the
-- normalised value (`bi:…`), which is what watches (grid_watches.blind) match. A tip's numbers may be the child's
-- own, so no plain form is kept. (The tip's place, PIN code, district, source and times are kept in the clear, as a
-- case's are: routing needs them.)
create table tip_identifiers (
  agency_id uuid not null,
  id uuid not null,
  tip_id uuid not null,
  kind text not null check (kind in ('phone', 'email', 'upi', 'bank_account', 'vehicle', 'social_handle', 'url',
    'domain', 'ip', 'pincode', 'address', 'aadhaar_masked')),
  value text not null,
  normalised text not null check (normalised like 'bi:%'),
  -- Provenance: found in the tip's text by the extractor, or given by the officer (and not in the text).
  origin text not null check (origin in ('text', 'given')),
  created_at timestamptz not null default now(),
  primary key (agency_id, id),
  foreign key (agency_id, tip_id) references tips (agency_id, id) on delete cascade,
  unique (agency_id, tip_id, kind, normalised)
);
create index tip_identifiers_value on tip_identifiers (kind, normalised);

-- A watch alert may point at a tip: `other_case_id` then holds the tip's id (in `other_agency_id`). Deconfliction
-- and re-trafficking alerts are between cases only.
alter table grid_alerts add column other_record_kind text not null default 'case'
  check (other_record_kind in ('case', 'tip'));
alter table grid_alerts add constraint grid_alerts_tip_is_watch check (other_record_kind = 'case' or kind = 'watchlist');
