-- Tamper-evident audit log (see docs/security.md, "Audit log").
--
-- Chain design: one hash chain per agency (chain_id = the acting agency; events without an agency share the
-- nil-UUID chain). Each chain has a head row in audit_chain_heads. The BEFORE INSERT trigger locks the head row
-- (select … for update) in the writer's own transaction, takes the next sequence number and the previous hash,
-- hashes the event and moves the head on. Writers of one agency queue on that one row until they commit, so a
-- chain can neither fork nor skip; writers of different agencies never wait for each other.
--
-- hash = sha256 of the canonical form, a JSON array rendered by jsonb_build_array(…)::text:
--   ["childgrid-audit-v1", chain_id, seq, prev_hash, id, occurred_at (UTC, microseconds), agency_id, user_id, role,
--    action, record_kind, record_id, record_agency_id, purpose, detail::text, client_address]
-- Sequence 1 links to the chain's genesis: sha256('childgrid-audit-genesis-v1:' || chain_id).
-- `childgrid audit verify` recomputes every hash in TypeScript (src/modules/audit/audit-chain.ts), independently
-- of these functions: replacing them in the database does not make a forged chain verify.

alter table audit_events add column purpose text;
alter table audit_events add column chain_id uuid;
alter table audit_events add column seq bigint;
alter table audit_events add column prev_hash text;
alter table audit_events add column hash text;

create table audit_chain_heads (
  chain_id uuid primary key,
  seq bigint not null,
  hash text not null,
  last_event_id uuid,
  last_occurred_at timestamptz,
  created_at timestamptz not null default now()
);

create function audit_chain_genesis(p_chain uuid) returns text
language sql immutable as $$
  select encode(sha256(convert_to('childgrid-audit-genesis-v1:' || p_chain::text, 'UTF8')), 'hex')
$$;

create function audit_event_hash(
  p_chain uuid, p_seq bigint, p_prev text, p_id uuid, p_at timestamptz, p_agency uuid, p_user uuid, p_role text,
  p_action text, p_record_kind text, p_record uuid, p_record_agency uuid, p_purpose text, p_detail jsonb,
  p_client text
) returns text
language sql stable as $$
  select encode(sha256(convert_to(jsonb_build_array(
    'childgrid-audit-v1', p_chain::text, p_seq, p_prev, p_id::text,
    to_char(p_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    p_agency::text, p_user::text, p_role, p_action, p_record_kind, p_record::text, p_record_agency::text,
    p_purpose, p_detail::text, p_client
  )::text, 'UTF8')), 'hex')
$$;

-- Events written before this migration are chained in (agency, time, id) order, as if written now.
do $$
declare
  r record;
  cur uuid := null;
  n bigint := 0;
  prev text;
  last_id uuid;
  last_at timestamptz;
begin
  for r in
    select e.occurred_at, e.id, coalesce(e.agency_id, '00000000-0000-0000-0000-000000000000'::uuid) as chain
    from audit_events e
    order by 3, e.occurred_at, e.id
  loop
    if cur is distinct from r.chain then
      if cur is not null then
        insert into audit_chain_heads (chain_id, seq, hash, last_event_id, last_occurred_at)
        values (cur, n, prev, last_id, last_at);
      end if;
      cur := r.chain;
      n := 0;
      prev := audit_chain_genesis(cur);
    end if;
    n := n + 1;
    update audit_events e
    set chain_id = cur, seq = n, prev_hash = prev,
      hash = audit_event_hash(cur, n, prev, e.id, e.occurred_at, e.agency_id, e.user_id, e.role, e.action,
        e.record_kind, e.record_id, e.record_agency_id, e.purpose, e.detail, e.client_address)
    where e.occurred_at = r.occurred_at and e.id = r.id
    returning e.hash into prev;
    last_id := r.id;
    last_at := r.occurred_at;
  end loop;
  if cur is not null then
    insert into audit_chain_heads (chain_id, seq, hash, last_event_id, last_occurred_at)
    values (cur, n, prev, last_id, last_at);
  end if;
end $$;

alter table audit_events alter column chain_id set not null;
alter table audit_events alter column seq set not null;
alter table audit_events alter column prev_hash set not null;
alter table audit_events alter column hash set not null;

-- Not unique: a unique index on a partitioned table must contain the partition key. `audit verify` reports two
-- events with one sequence number as a fork.
create index audit_events_chain on audit_events (chain_id, seq, id);
create index audit_events_agency on audit_events (agency_id, occurred_at);
create index audit_events_record_agency on audit_events (record_agency_id, occurred_at);

-- The chain trigger. The first event of a chain in a transaction locks that chain's head row (select … for update,
-- held until commit or rollback); the running head (sequence, hash, last event) is then kept in a
-- transaction-local setting, and audit_chain_heads is written once per statement by audit_events_flush_heads
-- rather than once per row: a row updated many times in one transaction leaves a version chain that every later
-- update walks, so per-row updates make a bulk insert quadratic. Settings made in a savepoint that rolls back
-- are undone with it, as are its rows and its row lock.
create function audit_events_chain() returns trigger
language plpgsql as $$
declare
  key text;
  state text[];
  head record;
begin
  -- Whatever the writer sent, the chain columns are the database's.
  new.chain_id := coalesce(new.agency_id, '00000000-0000-0000-0000-000000000000'::uuid);
  key := 'childgrid_audit.head_' || replace(new.chain_id::text, '-', '');
  state := string_to_array(nullif(current_setting(key, true), ''), ' ');
  if state is null then
    select h.seq, h.hash into head from audit_chain_heads h where h.chain_id = new.chain_id for update;
    if not found then
      insert into audit_chain_heads (chain_id, seq, hash)
      values (new.chain_id, 0, audit_chain_genesis(new.chain_id))
      on conflict (chain_id) do nothing;
      select h.seq, h.hash into head from audit_chain_heads h where h.chain_id = new.chain_id for update;
    end if;
    state := array[head.seq::text, head.hash];
  end if;
  new.seq := state[1]::bigint + 1;
  new.prev_hash := state[2];
  new.hash := audit_event_hash(new.chain_id, new.seq, new.prev_hash, new.id, new.occurred_at, new.agency_id,
    new.user_id, new.role, new.action, new.record_kind, new.record_id, new.record_agency_id, new.purpose,
    new.detail, new.client_address);
  perform set_config(key, concat_ws(' ', new.seq, new.hash, new.id, to_char(new.occurred_at at time zone 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')), true);
  if state[3] is null then
    -- First event of this chain since the last flush: the statement trigger will write its head.
    perform set_config('childgrid_audit.pending',
      concat_ws(' ', nullif(current_setting('childgrid_audit.pending', true), ''), new.chain_id), true);
  end if;
  return new;
end $$;

-- Writes the running head of every chain the statement appended to.
create function audit_events_flush_heads() returns trigger
language plpgsql as $$
declare
  chain text;
  state text[];
begin
  foreach chain in array coalesce(string_to_array(nullif(current_setting('childgrid_audit.pending', true), ''), ' '),
    '{}') loop
    state := string_to_array(current_setting('childgrid_audit.head_' || replace(chain, '-', '')), ' ');
    update audit_chain_heads
    set seq = state[1]::bigint, hash = state[2], last_event_id = state[3]::uuid,
      last_occurred_at = state[4]::timestamptz
    where chain_id = chain::uuid;
    -- Keep the running head (sequence, hash) for the next statement, without the "not yet written" mark.
    perform set_config('childgrid_audit.head_' || replace(chain, '-', ''), concat_ws(' ', state[1], state[2]), true);
  end loop;
  perform set_config('childgrid_audit.pending', '', true);
  return null;
end $$;

-- Row triggers on a partitioned table are cloned onto every partition, present and future. The statement trigger
-- fires for the table named in the INSERT; audit_protect_partitions() adds it to partitions too.
create trigger audit_events_chain before insert on audit_events
for each row execute function audit_events_chain();
create trigger audit_events_flush_heads after insert on audit_events
for each statement execute function audit_events_flush_heads();

create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
  raise exception 'The audit log is append-only: % on % is refused', tg_op, tg_table_name
    using errcode = 'insufficient_privilege',
      hint = 'Audit events and chain heads can be added to, never changed or removed.';
end $$;

create trigger audit_events_no_change before update or delete on audit_events
for each row execute function audit_refuse_change();
-- TRUNCATE triggers are per table: the parent's does not fire for `truncate <partition>`.
create trigger audit_events_no_truncate before truncate on audit_events
for each statement execute function audit_refuse_change();

-- The head only moves forward (the flush after each insert statement); nothing else may touch it.
create function audit_chain_heads_guard() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.chain_id = old.chain_id and new.seq > old.seq then
    return new;
  end if;
  raise exception 'The audit chain head only moves forward with a new event: % on % is refused', tg_op, tg_table_name
    using errcode = 'insufficient_privilege';
end $$;

create trigger audit_chain_heads_guard before update or delete on audit_chain_heads
for each row execute function audit_chain_heads_guard();
create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads
for each statement execute function audit_refuse_change();

-- Adds the statement-level triggers (TRUNCATE guard, head flush) to every partition of audit_events (at any depth)
-- that lacks them: unlike row triggers, they are not cloned. Run by the event
-- trigger below on every CREATE/ALTER TABLE; call it after creating partitions where that trigger is absent.
create function audit_protect_partitions() returns void
language plpgsql set search_path from current as $$
declare
  parent regclass := to_regclass('audit_events');
  part regclass;
begin
  if parent is null then
    return;
  end if;
  for part in select relid from pg_partition_tree(parent) where relid <> parent loop
    if not exists (select 1 from pg_trigger where tgrelid = part and tgname = 'audit_events_no_truncate') then
      execute format('create trigger audit_events_no_truncate before truncate on %s '
        'for each statement execute function audit_refuse_change()', part);
      execute format('alter table %s enable always trigger audit_events_no_truncate', part);
    end if;
    if not exists (select 1 from pg_trigger where tgrelid = part and tgname = 'audit_events_flush_heads') then
      execute format('create trigger audit_events_flush_heads after insert on %s '
        'for each statement execute function audit_events_flush_heads()', part);
    end if;
  end loop;
end $$;

select audit_protect_partitions();

create function audit_protect_partitions_on_ddl() returns event_trigger
language plpgsql set search_path from current as $$
begin
  perform audit_protect_partitions();
end $$;

-- Event triggers need a superuser (PGlite always is; a managed PostgreSQL may not be). Without it the guard is
-- added by audit_protect_partitions(), and `childgrid audit verify` names any partition still lacking it.
do $$
begin
  if (select rolsuper from pg_roles where rolname = current_user) then
    create event trigger audit_events_partitions on ddl_command_end
      when tag in ('CREATE TABLE', 'ALTER TABLE')
      execute function audit_protect_partitions_on_ddl();
  else
    raise notice 'not a superuser: partitions of audit_events created later need select audit_protect_partitions()';
  end if;
end $$;

-- ENABLE ALWAYS: the refusals hold even under `set session_replication_role = replica`. The chain trigger stays
-- ordinary so that a logical-replication subscriber keeps the publisher's hashes.
alter table audit_events enable always trigger audit_events_no_change;
alter table audit_events enable always trigger audit_events_no_truncate;
alter table audit_chain_heads enable always trigger audit_chain_heads_guard;
alter table audit_chain_heads enable always trigger audit_chain_heads_no_truncate;
