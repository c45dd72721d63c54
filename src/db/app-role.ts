import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * The application's database role, apart from the tables' owner (PostgreSQL only; PGlite is single-user).
 *
 * Migrations run as the owner (MIGRATION_DATABASE_URL); the server connects as a role that owns nothing
 * (DATABASE_URL) and holds only the rights `grant_app_role()` (0008-audit-partitions.sql) gives it: rows of every
 * table, but on audit_events only SELECT and INSERT. Without ownership it cannot ALTER a table — so it cannot
 * disable the audit log's triggers — and, not a superuser, cannot set session_replication_role.
 *
 * ```ts
 * await grantAppRole(ownerDb, 'childgrid_app', { create: true });
 * ```
 */
export const DEFAULT_APP_ROLE = 'childgrid_app';

/** A role name PostgreSQL accepts without quoting tricks: what we create and grant to. */
const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function isRoleName(name: string): boolean {
  return ROLE_NAME.test(name);
}

export interface GrantOptions {
  /** Create the role (LOGIN, no other attribute) when it does not exist; needs CREATEROLE. */
  create?: boolean;
  /** Password for a role created now (otherwise trust, peer or certificate authentication). */
  password?: string | undefined;
}

/** Grants the application's rights to `role` on this database; creates the role first when asked. */
export async function grantAppRole(
  db: Kysely<DB>,
  role: string,
  options: GrantOptions = {},
): Promise<{ created: boolean }> {
  if (!isRoleName(role)) throw new Error(`Not a plain role name: ${role}`);
  let created = false;
  if (options.create && !(await roleExists(db, role))) {
    try {
      if (options.password) {
        await sql`create role ${sql.id(role)} login password ${sql.lit(options.password)}`.execute(db);
      } else {
        await sql`create role ${sql.id(role)} login`.execute(db);
      }
      created = true;
    } catch (err) {
      // Roles belong to the server, not to one database: another process may have made it meanwhile.
      if (!(await roleExists(db, role))) throw err;
    }
  }
  await sql`select grant_app_role(${role})`.execute(db);
  return { created };
}

export async function roleExists(db: Kysely<DB>, role: string): Promise<boolean> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_roles where rolname = ${role}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

export interface ConnectionRole {
  role: string;
  superuser: boolean;
  /** The role owns audit_events (or is a member of its owner): it could disable the audit log's triggers. */
  ownsTables: boolean;
}

/** Who this connection is, and whether it could switch the audit log's guards off. */
export async function connectionRole(db: Kysely<DB>): Promise<ConnectionRole> {
  const { rows } = await sql<ConnectionRole>`
    select current_user as role,
      (select rolsuper from pg_roles where rolname = current_user) as superuser,
      coalesce((select pg_has_role(current_user, relowner, 'USAGE') from pg_class
        where oid = to_regclass('audit_events')), false) as "ownsTables"`.execute(db);
  return rows[0]!;
}
