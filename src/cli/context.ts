import { openAndMigrate, resolveSecrets } from '../bootstrap.ts';
import { type Config, loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../shared/errors.ts';

/** Opens the configured database for one command and always closes it (releasing the DATA_DIR lock). */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = resolveSecrets(loadConfig(process.env));
  const database = await openAndMigrate(config);
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

/** Prints an AppError with its field issues, one per line, and sets a failing exit code. */
export function reportError(err: unknown): void {
  if (err instanceof AppError) {
    console.error(err.issues && err.issues.length > 1 ? err.message.split(':')[0] : err.message);
    if (err.issues && err.issues.length > 1)
      for (const i of err.issues) console.error(`  ${i.field}: ${i.message}`);
  } else {
    console.error(err instanceof Error ? err.message : String(err));
  }
  process.exitCode = 1;
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
