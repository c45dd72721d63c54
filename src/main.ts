import { buildApp } from './app.ts';
import { openAndMigrate, resolveSecrets } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectionRole } from './db/app-role.ts';
import { DatabaseLockedError, redactUrl } from './db/database.ts';
import { ensureAuditPartitions } from './modules/audit/audit-partitions.ts';
import { seedDemo } from './modules/demo/demo.ts';
import { loadKeyring } from './modules/keys/keyring.ts';
import { gridModel } from './modules/profiles/grid-model.ts';
import { personKeysVersion } from './modules/profiles/rekey.ts';
import { issueSetupToken, userCount } from './modules/setup/setup.service.ts';
import { KeyError } from './shared/envelope.ts';
import { version } from './version.ts';

/** Boot: config → database → migrations → first-start work (demo or set-up token) → app → listen. */
async function main() {
  const config = resolveSecrets(loadConfig(process.env));
  const where = config.databaseUrl
    ? `PostgreSQL at ${redactUrl(config.databaseUrl)}`
    : `embedded database in ${config.dataDir}`;
  console.log(`ChildGrid ${version}: opening the ${where}`);
  const database = await openAndMigrate(config);
  const { db } = database;
  const keyring = await loadKeyring(db, config.masterKeys!);
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const firstStart = (await userCount(db)) === 0;
  let banner: string[] = [];
  if (firstStart && config.demo) {
    console.log(
      `First start: loading the synthetic demo (${config.demoCases} cases; all people are fictional)…`,
    );
    const demo = await seedDemo(database, keyring, { cases: config.demoCases, seed: 1 });
    banner = [
      `Demo sign-ins (password for all: ${demo.password}):`,
      ...demo.users.map((u) => `  ${u.email.padEnd(34)} ${u.role.padEnd(24)} ${u.agency}`),
      `Grid: ${demo.linked.records} person records resolved in ${demo.linked.seconds} s — ${demo.linked.profilesTouched} ` +
        `profiles of more than one record, ${demo.linked.queued} pairs in the review queue; ` +
        `${demo.sheets} history sheets opened and ${demo.tips} tips recorded by the SHO.`,
    ];
  } else if (firstStart) {
    const token = await issueSetupToken(db, config);
    banner = [
      'No users yet. Create the first system administrator with this one-time token (valid until the next restart):',
      `  ${token}`,
      `  curl -X POST ${url}/api/v1/setup -H 'content-type: application/json' \\`,
      `    -d '{"token":"${token}","email":"you@agency.gov.in","display_name":"Your Name","password":"…at least 12 characters…"}'`,
      '  or: childgrid user add --agency IN --role system_admin --email … --password-stdin',
    ];
  }

  if (database.kind === 'postgres' && !config.migrationDatabaseUrl) {
    const me = await connectionRole(db);
    if (me.superuser || me.ownsTables)
      console.warn(
        `Warning: the server connects as ${me.role}, which ${me.superuser ? 'is a superuser' : 'owns the tables'} and ` +
          "could switch the audit log's guards off. Give it a role that owns nothing (childgrid db grant-app-role) " +
          'and keep the owner in MIGRATION_DATABASE_URL (docs/security.md).',
      );
  }
  const app = await buildApp({ db, config, version, keyring }, { logger: { level: config.logLevel } });
  const keys = await personKeysVersion(db);
  if (keys.stale)
    app.log.warn(
      { stored: keys.stored, current: keys.current },
      'person keys were written by an older version: screening finds namesakes less well until `childgrid grid rekey` rebuilds them',
    );
  // The audit log's monthly partitions, made months ahead: checked again once a day (ensure_audit_partitions runs
  // as the owner, so the application's role may call it).
  const partitions = setInterval(() => {
    ensureAuditPartitions(db).then(
      (made) => {
        if (made.length) app.log.info({ partitions: made }, 'audit partitions created');
      },
      (err: unknown) => app.log.error({ err }, 'audit partitions could not be created'),
    );
  }, 86_400_000);
  partitions.unref();
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(partitions);
    console.log(`${signal}: closing…`);
    try {
      await app.close();
    } finally {
      await database.close();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log([`ChildGrid is running at ${url}/  (API docs: ${url}/api/docs)`, ...banner].join('\n'));
  // Learn the grid's person model now, so the first screening does not wait for it.
  gridModel(database.db, keyring).then(
    (m) => app.log.info({ model: m.version, trainedOn: m.trainedOn }, 'grid person model ready'),
    (err: unknown) => app.log.error({ err }, 'grid person model could not be learnt'),
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DatabaseLockedError || err instanceof KeyError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
