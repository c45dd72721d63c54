-- Data encryption keys for protected fields, each stored wrapped by a master key from configuration
-- (see src/shared/envelope.ts). Small reference table.
create table data_keys (
  id text primary key,
  master_key_id text not null,
  wrapped text not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
