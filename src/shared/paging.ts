import { validationError } from './errors.ts';
import { isUuid } from './ids.ts';

/**
 * Keyset pagination by UUIDv7 id (creation order). The cursor is the last id seen, base64url-encoded so that
 * clients treat it as opaque.
 */
export function decodeIdCursor(value: string | undefined): string | null {
  if (value === undefined) return null;
  const id = Buffer.from(value, 'base64url').toString('utf8');
  if (!isUuid(id)) throw validationError('cursor', 'is not a cursor this server issued');
  return id;
}

export const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');

/** Rows fetched with `limit + 1` → one page and the cursor of the next (null on the last page). */
export function pageById<R extends { id: string }, T>(rows: R[], limit: number, present: (row: R) => T) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(present),
    next_cursor: rows.length > limit && last ? encodeIdCursor(last.id) : null,
  };
}

/** A user's search text as an ILIKE pattern: `%` and `_` in it are literal. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
