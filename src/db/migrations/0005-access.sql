-- Sharing without leaking: sharing groups, protected (encrypted) victim identities, disclosure requests and
-- referrals, consent, notifications.

-- Named groups of agencies a record can be shared with (distribution = 'group'). Small: reference tables.
create table sharing_groups (
  id uuid primary key,
  name text not null,
  description text,
  owner_agency_id uuid not null references agencies (id),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create table sharing_group_members (
  group_id uuid not null references sharing_groups (id) on delete cascade,
  agency_id uuid not null references agencies (id),
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  primary key (group_id, agency_id)
);
create index sharing_group_members_agency on sharing_group_members (agency_id);

-- Per-agency counters (victim pseudonyms V-<agency>-<n>).
create table agency_counters (
  agency_id uuid not null references agencies (id),
  name text not null,
  value bigint not null default 0,
  primary key (agency_id, name)
);

-- Victims and child witnesses: identifying fields live only in `sealed` (AES-256-GCM, see shared/envelope.ts);
-- full_name holds the pseudonym, the other identifying columns are empty.
alter table persons add column protected boolean not null default false;
alter table persons add column sealed text;
alter table persons add constraint persons_protected_sealed check (not protected or sealed is not null);
-- Identifiers of protected persons: value sealed, normalised replaced by a keyed blind index (`bi:` prefix) so
-- equal values still match without the number being stored.
alter table identifiers add column protected boolean not null default false;

-- Disclosure requests (a viewer asks the owning agency for a record it saw only as a hit) and referrals (the
-- owner shares a record with another agency). Distributed by the owning agency.
create table disclosures (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  kind text not null check (kind in ('request', 'referral')),
  record_kind text not null check (record_kind in ('case', 'person')),
  record_id uuid not null,
  requester_agency_id uuid not null references agencies (id),
  requester_user_id uuid references users (id),
  purpose text not null,
  case_reference text,
  fields_requested text[] not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'withdrawn')),
  fields_granted text[] not null default '{}',
  expires_at timestamptz,
  decided_by uuid references users (id),
  decided_at timestamptz,
  decision_reason text,
  consent_override_reason text,
  created_at timestamptz not null default now(),
  primary key (agency_id, id)
);
create index disclosures_requester on disclosures (requester_agency_id, status, created_at desc);
create index disclosures_record on disclosures (record_id, requester_agency_id, status);
create index disclosures_inbox on disclosures (agency_id, status, created_at desc);

-- Consent of the child and the guardian before a referral (Primero's rule; JJ Model Rules, U: configurable).
create table consents (
  agency_id uuid not null,
  id uuid not null,
  person_id uuid not null,
  given_by text not null check (given_by in ('child', 'guardian')),
  purpose text not null check (purpose in ('referral', 'transfer')),
  to_agency_id uuid references agencies (id),
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  withdrawn_at timestamptz,
  notes text,
  primary key (agency_id, id),
  foreign key (agency_id, person_id) references persons (agency_id, id) on delete cascade
);
create index consents_person on consents (agency_id, person_id);

-- What an agency's users are told: a disclosure request arrived, was decided, a referral was received.
create table notifications (
  agency_id uuid not null references agencies (id),
  id uuid not null,
  kind text not null,
  subject_kind text,
  subject_id uuid,
  message text not null,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (agency_id, id)
);
create index notifications_unread on notifications (agency_id, read_at, created_at desc);
