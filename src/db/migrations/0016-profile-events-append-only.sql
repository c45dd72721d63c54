-- The history of profile links, merges and unlinks (profile_events, migration 0015) is a record of what officers
-- and the model decided about who is whom: like the audit log, the application appends to it and never changes or
-- removes a row. grant_app_role (0008) gives the application role select and insert on it only; run again after
-- this migration (start-up does it when MIGRATION_DATABASE_URL is set; `childgrid db grant-app-role` otherwise).
create or replace function grant_app_role(p_role text) returns void
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
    elsif r.relname in ('audit_events', 'profile_events') then
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
