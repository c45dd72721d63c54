import { v7 } from 'uuid';

/** Time-ordered UUIDv7, made in TypeScript so ids are known before insert (Citus-friendly). */
export function newId(): string {
  return v7();
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
