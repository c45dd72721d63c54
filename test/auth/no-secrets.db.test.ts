import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { addUser } from '../../src/modules/auth/auth.service.ts';
import { loadKeyring } from '../../src/modules/keys/keyring.ts';
import { forEachDatabase, newAgency, totpCode } from '../harness.ts';
import { authConfig } from './helpers.ts';

/** A value appears in text as itself, not inside a longer run of digits (a timestamp may contain any 6 digits). */
function contains(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9A-Za-z.])${escaped}(?![0-9A-Za-z])`).test(text);
}

forEachDatabase('no passwords, codes, secrets or tokens in logs, audit details or error messages', (ctx) => {
  test('every sign-in path, logged at trace level', async () => {
    let logs = '';
    const stream = new Writable({
      write(chunk, _enc, done) {
        logs += chunk.toString();
        done();
      },
    });
    const config = authConfig();
    const keyring = await loadKeyring(ctx.database.db, config.masterKeys!);
    const app = await buildApp(
      { db: ctx.database.db, config, version: 'test', keyring },
      { logger: { level: 'trace', stream } as never },
    );
    const agency = await newAgency(ctx.database);
    const tag = randomBytes(4).toString('hex');
    const password = `first passphrase ${tag}`;
    const wrongPassword = `wrong passphrase ${tag}`;
    const wrongCurrent = `not the current one ${tag}`;
    const newPassword = `second passphrase ${tag}`;
    const email = `leak.${tag}@ps.example`;
    await addUser(ctx.database.db, {
      agencyCode: agency.code,
      role: 'investigating_officer',
      email,
      displayName: 'Leak Test',
      password,
    });
    const bodies: LightMyRequestResponse[] = [];
    const call = async (
      method: 'GET' | 'POST',
      url: string,
      headers: Record<string, string>,
      payload?: object,
    ) => {
      const res = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
      bodies.push(res);
      return res;
    };

    await call('POST', '/api/v1/auth/sign-in', {}, { email, password: wrongPassword });
    const signIn = await call('POST', '/api/v1/auth/sign-in', {}, { email, password });
    const sessionToken = signIn.cookies.find((c) => c.name === 'cg_session')!.value;
    const csrf: string = signIn.json().csrf_token;
    const headers = { cookie: `cg_session=${sessionToken}`, 'x-csrf-token': csrf };
    const setup = await call('POST', '/api/v1/auth/mfa/setup', headers);
    const secret: string = setup.json().secret;
    const wrongConfirm = totpCode(secret, 7);
    await call('POST', '/api/v1/auth/mfa/confirm', headers, { code: wrongConfirm });
    const goodConfirm = totpCode(secret);
    const confirm = await call('POST', '/api/v1/auth/mfa/confirm', headers, { code: goodConfirm });
    const recoveryCodes: string[] = confirm.json().recovery_codes;

    const second = await call('POST', '/api/v1/auth/sign-in', {}, { email, password });
    const token2 = second.cookies.find((c) => c.name === 'cg_session')!.value;
    const headers2 = { cookie: `cg_session=${token2}`, 'x-csrf-token': second.json().csrf_token };
    const wrongVerify = totpCode(secret, -9);
    await call('POST', '/api/v1/auth/mfa/verify', headers2, { code: wrongVerify });
    await call('POST', '/api/v1/auth/mfa/verify', headers2, { code: goodConfirm });
    await call('POST', '/api/v1/auth/mfa/verify', headers2, { code: recoveryCodes[0]! });
    await call('POST', '/api/v1/auth/mfa/verify', headers2, { code: recoveryCodes[0]! });
    await call('POST', '/api/v1/auth/password', headers2, {
      current_password: wrongCurrent,
      new_password: newPassword,
    });
    await call('POST', '/api/v1/auth/password', headers2, {
      current_password: password,
      new_password: email,
    });
    const made = await call('POST', '/api/v1/auth/tokens', headers2, { label: 'export' });
    const apiToken: string = made.json().token;
    await call('POST', '/api/v1/auth/password', headers2, {
      current_password: password,
      new_password: newPassword,
    });
    await app.close();

    const audit = JSON.stringify(
      await ctx.database.db.selectFrom('audit_events').select(['action', 'detail', 'record_id']).execute(),
    );
    const errors = bodies.filter((r) => r.statusCode >= 400).map((r) => r.body);
    assert.ok(errors.length >= 6, 'the failures above answered with errors');
    assert.ok(logs.includes('"statusCode":400'), 'the logs were captured');
    const secrets: Record<string, string> = {
      password,
      wrongPassword,
      wrongCurrent,
      newPassword,
      secret,
      wrongConfirm,
      goodConfirm,
      wrongVerify,
      sessionToken,
      token2,
      csrf,
      apiToken,
      ...Object.fromEntries(recoveryCodes.map((c, i) => [`recovery code ${i}`, c])),
    };
    for (const [name, value] of Object.entries(secrets)) {
      assert.ok(!contains(logs, value), `${name} is in the logs`);
      assert.ok(!contains(audit, value), `${name} is in an audit detail`);
      for (const body of errors) assert.ok(!contains(body, value), `${name} is in an error message: ${body}`);
    }
    // The stored forms are not the secrets either.
    const row = await ctx.database.db
      .selectFrom('users')
      .select(['totp_secret', 'password_hash'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    assert.ok(!contains(JSON.stringify(row), secret));
    assert.ok(!JSON.stringify(row).includes(newPassword));
  });
});
