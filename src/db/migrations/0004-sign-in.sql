-- Strong sign-in: TOTP second factor with recovery codes, public session ids, sign-in method and MFA time per
-- session, single sign-on subjects. users, sessions and recovery_codes are small reference tables.

-- A session's public id (what the session list shows and DELETE takes); the token hash stays private.
alter table sessions add column id uuid;
update sessions set id = gen_random_uuid() where id is null;
alter table sessions alter column id set not null;
create unique index sessions_id on sessions (id);
alter table sessions add column method text not null default 'password'
  check (method in ('password', 'oidc', 'token'));
update sessions set method = 'token' where kind = 'api';
-- When this session last proved a second factor (TOTP, recovery code, or the identity provider's MFA).
alter table sessions add column mfa_verified_at timestamptz;

-- The TOTP secret is envelope-encrypted (src/shared/envelope.ts, bound to `users:<id>:totp`). It is stored at
-- set-up and counts only once confirmed (totp_enabled_at). totp_last_step is the RFC 6238 time step of the last
-- accepted code: a code for that step or an earlier one is refused (no replay).
alter table users add column totp_secret text;
alter table users add column totp_enabled_at timestamptz;
alter table users add column totp_last_step bigint;
alter table users add column password_changed_at timestamptz;
-- The identity provider's subject, remembered at the first single sign-on: a later sign-in with the same email
-- but another subject is refused (an email moved to another person at the provider does not open this account).
alter table users add column oidc_subject text;
create unique index users_oidc_subject on users (oidc_subject) where oidc_subject is not null;

-- One-time recovery codes, stored only as a keyed SHA-256 (they are random, 60 bits each).
create table recovery_codes (
  id uuid primary key,
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  created_at timestamptz not null default now(),
  used_at timestamptz
);
create index recovery_codes_user on recovery_codes (user_id);
