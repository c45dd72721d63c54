-- Person linking that keeps what it knew (docs/profiles.md, "Provenance and history").
--
-- Each member of a profile keeps the provenance of its own link: the record it was linked to (linked_to), and how
-- (method, score, model version or rule, reviewer, when). Merging two profiles adds one link and moves no one's
-- provenance onto another record. A link by rule ('rule') joins a transferred case's copy of a person to the
-- original record (model_version holds the rule: 'case-transfer').
alter table profile_members drop constraint profile_members_method_check;
alter table profile_members add constraint profile_members_method_check
  check (method in ('single', 'model', 'review', 'rule'));
alter table profile_members add column linked_to_agency_id uuid;
alter table profile_members add column linked_to_person_id uuid;
-- Rows written before this migration have no link partner: each is kept as it was (nothing is guessed for them).
alter table profile_members add constraint profile_members_linked_to
  foreign key (linked_to_agency_id, linked_to_person_id) references persons (agency_id, id) on delete set null;

-- The history of every link, merge and unlink: who joined whom, how, and what moved. Append-only in use; it names
-- records by id only and outlives the profiles it mentions (a merge deletes the profile merged away).
create table profile_events (
  id uuid primary key,
  occurred_at timestamptz not null default now(),
  kind text not null check (kind in ('link', 'merge', 'unlink')),
  -- link, merge: the profile that remains; unlink: the profile the record left.
  profile_id uuid not null,
  -- link, merge: the profile merged away (null when the record had none); unlink: the record's new profile.
  other_profile_id uuid,
  -- link, merge: the record that joined through this link; unlink: the record taken out.
  agency_id uuid not null,
  person_id uuid not null,
  -- link, merge: the record it was linked to; unlink: the record it was judged not to be (the rejected pair).
  other_agency_id uuid,
  other_person_id uuid,
  -- How many records changed profile.
  records integer not null,
  method text check (method in ('model', 'review', 'rule')),
  score real,
  model_version text,
  -- The reviewer who confirmed the pair, or the officer who unlinked.
  user_id uuid references users (id),
  reason text,
  detail jsonb
);
create index profile_events_profile on profile_events (profile_id, occurred_at);
create index profile_events_person on profile_events (agency_id, person_id, occurred_at);

-- A rejected pair is a cannot-link constraint for every linking path. An officer who takes a record out of a
-- profile records one (origin 'unlink': no model scored it, so no score or model version).
alter table match_candidates alter column score drop not null;
alter table match_candidates alter column model_version drop not null;
alter table match_candidates add column origin text not null default 'model' check (origin in ('model', 'unlink'));
create index match_candidates_rejected_a on match_candidates (a_agency_id, a_person_id) where status = 'rejected';
create index match_candidates_rejected_b on match_candidates (b_agency_id, b_person_id) where status = 'rejected';
