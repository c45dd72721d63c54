import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import {
  BLIND_INDEX_KEY_ID,
  Keyring,
  type MasterKey,
  parseMasterKeys,
  unwrapDataKey,
  wrapDataKey,
} from '../../shared/envelope.ts';
import { newId } from '../../shared/ids.ts';

/**
 * Loads the data keys from the database and opens them with the configured master keys. On an empty
 * installation it creates the first data key. The active data key is the newest one not retired.
 */
export async function loadKeyring(db: Kysely<DB>, masterKeysText: string): Promise<Keyring> {
  const masters = parseMasterKeys(masterKeysText);
  const load = () => db.selectFrom('data_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  let rows = await load();
  if (!rows.some((r) => r.id === BLIND_INDEX_KEY_ID))
    await createDataKey(db, masters[0]!, BLIND_INDEX_KEY_ID);
  if (!rows.some((r) => r.id !== BLIND_INDEX_KEY_ID)) await createDataKey(db, masters[0]!);
  rows = await load();
  const deks = rows.filter((r) => r.id !== BLIND_INDEX_KEY_ID);
  const active = deks.filter((r) => r.retired_at === null).at(-1) ?? deks.at(-1)!;
  return new Keyring(
    masters,
    rows.map((r) => ({ id: r.id, masterKeyId: r.master_key_id, wrapped: r.wrapped })),
    active.id,
  );
}

async function createDataKey(db: Kysely<DB>, master: MasterKey, fixedId?: string): Promise<string> {
  const id = fixedId ?? `k${newId().replaceAll('-', '').slice(-16)}`;
  const w = wrapDataKey(master, id, randomBytes(32));
  await db
    .insertInto('data_keys')
    .values({ id: w.id, master_key_id: w.masterKeyId, wrapped: w.wrapped })
    .execute();
  return id;
}

/**
 * `childgrid keys rotate`: re-wraps every data key under the active (first) master key, so an old master key can
 * be removed from configuration, and starts a new data key for new values. Values already stored stay readable
 * (their data key is kept); nothing is re-encrypted, so the server can keep running.
 */
export async function rotateKeys(
  db: Kysely<DB>,
  masterKeysText: string,
): Promise<{ rewrapped: number; newDataKey: string }> {
  const masters = parseMasterKeys(masterKeysText);
  const byId = new Map(masters.map((m) => [m.id, m]));
  const active = masters[0]!;
  return db.transaction().execute(async (tx) => {
    const rows = await tx.selectFrom('data_keys').selectAll().forUpdate().execute();
    for (const r of rows) {
      const master = byId.get(r.master_key_id);
      if (!master)
        throw new Error(
          `data key ${r.id} is wrapped by master key ${r.master_key_id}, which is not configured`,
        );
      const dek = unwrapDataKey(master, { id: r.id, masterKeyId: r.master_key_id, wrapped: r.wrapped });
      const w = wrapDataKey(active, r.id, dek);
      await tx
        .updateTable('data_keys')
        .set({ master_key_id: w.masterKeyId, wrapped: w.wrapped })
        .where('id', '=', r.id)
        .execute();
    }
    await tx
      .updateTable('data_keys')
      .set({ retired_at: new Date() })
      .where('retired_at', 'is', null)
      .execute();
    const newDataKey = await createDataKey(tx, active);
    return { rewrapped: rows.length, newDataKey };
  });
}
