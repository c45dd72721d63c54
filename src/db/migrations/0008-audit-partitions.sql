-- Monthly partitions of the audit log, an application role without ownership, and the browser of a session.
-- See docs/security.md ("Audit log: partitions" and "The application's database role").

-- The browser (User-Agent, cut to 200 characters) a session signed in from, for the session list.
alter table sessions add column user_agent text;

-- Creates the monthly partitions of audit_events (UTC months, named audit_events_YYYY_MM) from this month to
-- `p_months_ahead` months ahead, and returns the names of those it created. A month whose events already sit
-- in the default partition is left to the default (PostgreSQL refuses a partition that the default's rows
-- belong in, and moving rows needs the owner: `childgrid audit partitions --move-default`). Only new, empty
-- tables are made: nothing is updated or deleted, so the append-only triggers and the hash chain are untouched.
-- Row triggers (chain, refusals) are cloned onto each new partition by PostgreSQL; the statement triggers are
-- added by audit_protect_partitions().
--
-- SECURITY DEFINER: the application's role (which owns nothing) calls it from its daily job; it runs as the
-- owner, takes only a bounded number of months and names tables itself.
create function ensure_audit_partitions(p_months_ahead integer default 3) returns setof text
language plpgsql security definer as $$
declare
  month_start timestamp := date_trunc('month', now() at time zone 'UTC');
  lower_bound timestamptz;
  upper_bound timestamptz;
  part text;
  i integer;
begin
  if p_months_ahead is null or p_months_ahead < 0 or p_months_ahead > 36 then
    raise exception 'months ahead must be from 0 to 36, not %', p_months_ahead using errcode = '22023';
  end if;
  for i in 0..p_months_ahead loop
    lower_bound := (month_start + make_interval(months => i)) at time zone 'UTC';
    upper_bound := (month_start + make_interval(months => i + 1)) at time zone 'UTC';
    part := 'audit_events_' || to_char(month_start + make_interval(months => i), 'YYYY_MM');
    if to_regclass(part) is not null then
      continue;
    end if;
    if exists (select 1 from audit_events_default where occurred_at >= lower_bound and occurred_at < upper_bound) then
      raise notice 'audit partition % not created: the default partition holds events of that month', part;
      continue;
    end if;
    begin
      execute format('create table %I partition of audit_events for values from (%L) to (%L)', part,
        lower_bound, upper_bound);
    exception when invalid_object_definition then
      -- Another partition, made by hand with other bounds, covers part of the month: leave it.
      raise notice 'audit partition % not created: %', part, sqlerrm;
      continue;
    end;
    return next part;
  end loop;
  perform audit_protect_partitions();
end $$;

-- A SECURITY DEFINER function must not find tables or functions through a schema its caller controls.
do $$
begin
  execute format('alter function ensure_audit_partitions(integer) set search_path = %I, pg_temp', current_schema());
end $$;
revoke execute on function ensure_audit_partitions(integer) from public;

-- Gives an application role (not the owner, not a superuser) what the application needs and no more: every
-- table's rows (select, insert, update, delete) and every view's (select), but on audit_events only select and insert, on
-- audit_chain_heads select, insert and update (the chain trigger moves the head), on schema_migrations select;
-- no TRUNCATE, REFERENCES or TRIGGER anywhere, nothing on the partitions themselves (rows go through
-- audit_events). Without ownership the role cannot ALTER a table (so cannot disable a trigger) and, not being a
-- superuser, cannot set session_replication_role. Run again after every migration (start-up does it when
-- MIGRATION_DATABASE_URL is set; `childgrid db grant-app-role` otherwise).
create function grant_app_role(p_role text) returns void
language plpgsql as $$
declare
  r record;
begin
  if not exists (select 1 from pg_roles where rolname = p_role) then
    raise exception 'role % does not exist', p_role using errcode = '42704';
  end if;
  if (select rolsuper or rolbypassrls from pg_roles where rolname = p_role) then
    raise exception 'role % is a superuser: the application must connect with a role that is not', p_role
      using errcode = '42501';
  end if;
  if exists (select 1 from pg_class where oid = to_regclass('audit_events')
      and pg_has_role(p_role, relowner, 'USAGE')) then
    raise exception 'role % owns the tables (or is a member of their owner): give the application another role',
      p_role using errcode = '42501';
  end if;
  execute format('grant connect on database %I to %I', current_database(), p_role);
  execute format('grant usage on schema %I to %I', current_schema(), p_role);
  for r in
    select c.oid::regclass::text as rel, c.relname, c.relispartition, c.relkind
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p', 'v', 'm')
  loop
    execute format('revoke all on %s from %I', r.rel, p_role);
    if r.relispartition then
      continue;
    elsif r.relkind in ('v', 'm') then
      execute format('grant select on %s to %I', r.rel, p_role);
    elsif r.relname = 'audit_events' then
      execute format('grant select, insert on %s to %I', r.rel, p_role);
    elsif r.relname = 'audit_chain_heads' then
      execute format('grant select, insert, update on %s to %I', r.rel, p_role);
    elsif r.relname = 'schema_migrations' then
      execute format('grant select on %s to %I', r.rel, p_role);
    else
      execute format('grant select, insert, update, delete on %s to %I', r.rel, p_role);
    end if;
  end loop;
  execute format('grant usage, select on all sequences in schema %I to %I', current_schema(), p_role);
  execute format('grant execute on function ensure_audit_partitions(integer) to %I', p_role);
end $$;
revoke execute on function grant_app_role(text) from public;

select ensure_audit_partitions(3);
