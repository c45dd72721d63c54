import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { forEachDatabase, newAgency, newUser, TEST_PASSWORD, testApp, totpCode } from '../harness.ts';
import { authConfig, browserSignIn, enrol, signInAttempt, verifyCode } from './helpers.ts';

forEachDatabase('rate limits on sign-in and codes; security headers', (ctx) => {
  let agency: { id: string; code: string };
  before(async () => {
    agency = await newAgency(ctx.database);
  });

  test('sign-in: too many attempts from one address answer 429 rate_limited, whichever accounts they try', async () => {
    const app = await testApp(ctx.database, authConfig({ SIGN_IN_LIMIT_PER_ADDRESS: '3' }));
    const u = await newUser(ctx.database, agency, 'state_analyst');
    for (let i = 0; i < 3; i++) {
      const res = await signInAttempt(app, `nobody${i}@x.example`, 'wrong password', '192.0.2.10');
      assert.equal(res.statusCode, 401);
    }
    const limited = await signInAttempt(app, u.email, TEST_PASSWORD, '192.0.2.10');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.ok(Number(limited.headers['retry-after']) > 0);
    assert.equal(limited.cookies.length, 0, 'no session is made');
    // Another address is not affected.
    assert.equal((await signInAttempt(app, u.email, TEST_PASSWORD, '192.0.2.11')).statusCode, 200);
    await app.close();
  });

  test('sign-in: too many attempts on one account answer 429, from any address', async () => {
    const app = await testApp(ctx.database, authConfig({ SIGN_IN_LIMIT_PER_ACCOUNT: '4' }));
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const v = await newUser(ctx.database, agency, 'state_analyst');
    for (let i = 0; i < 4; i++) {
      const res = await signInAttempt(
        app,
        i % 2 ? u.email : u.email.toUpperCase(),
        `wrong ${i}`,
        `198.51.100.${i}`,
      );
      assert.equal(res.statusCode, 401);
    }
    const limited = await signInAttempt(app, u.email, TEST_PASSWORD, '198.51.100.99');
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().error.code, 'rate_limited');
    assert.equal((await signInAttempt(app, v.email, TEST_PASSWORD, '198.51.100.99')).statusCode, 200);
    await app.close();
  });

  test('second-factor codes: limited per account too', async () => {
    const app = await testApp(ctx.database, authConfig({ SIGN_IN_LIMIT_PER_ACCOUNT: '3' }));
    const u = await newUser(ctx.database, agency, 'state_analyst');
    const first = await browserSignIn(app, u.email);
    const { secret } = await enrol(app, first.headers, (s) => totpCode(s));
    const s = await browserSignIn(app, u.email);
    for (let i = 0; i < 2; i++) assert.equal((await verifyCode(app, s.headers, '000001')).statusCode, 400);
    const limited = await verifyCode(app, s.headers, totpCode(secret, 1));
    assert.equal(limited.statusCode, 429, 'the confirm and two wrong codes used up the allowance of three');
    assert.equal(limited.json().error.code, 'rate_limited');
    await app.close();
  });

  test('helmet: security headers on API answers and a strict CSP for the web app; /api/docs still works', async () => {
    const app = await testApp(ctx.database, authConfig());
    const api = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(api.statusCode, 200);
    assert.equal(api.headers['x-content-type-options'], 'nosniff');
    assert.equal(api.headers['x-frame-options'], 'DENY');
    assert.equal(api.headers['referrer-policy'], 'no-referrer');
    assert.equal(api.headers['cache-control'], 'no-store');
    assert.equal(api.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(api.headers['strict-transport-security'], undefined, 'no HSTS with COOKIE_SECURE=false');
    const csp = String(api.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'self'",
    ])
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    assert.ok(!csp.includes('upgrade-insecure-requests'), 'a plain-HTTP LAN keeps working');
    assert.ok(!csp.includes('unsafe-eval'));
    assert.equal(api.headers['x-powered-by'], undefined);

    const page = await app.inject({ method: 'GET', url: '/cases/some-case' });
    assert.ok(String(page.headers['content-security-policy']).includes("frame-ancestors 'none'"));
    assert.equal(page.headers['x-frame-options'], 'DENY');

    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    assert.equal(docs.statusCode, 200, docs.body.slice(0, 200));
    assert.match(docs.body, /<div id="swagger-ui">/);
    const docsCsp = String(docs.headers['content-security-policy']);
    // Swagger UI's own policy (it loads its images and fonts); still no inline scripts, never framed.
    assert.match(docsCsp, /script-src 'self'\s*(;|'sha256-)/);
    assert.ok(docsCsp.includes("frame-ancestors 'none'"));
    assert.ok(!docsCsp.includes('upgrade-insecure-requests'));
    for (const asset of ['swagger-ui-bundle.js', 'swagger-initializer.js', 'swagger-ui.css']) {
      const res = await app.inject({ method: 'GET', url: `/api/docs/static/${asset}` });
      assert.equal(res.statusCode, 200, asset);
    }
    const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(spec.statusCode, 200);
    await app.close();

    const tls = await testApp(ctx.database, authConfig({ COOKIE_SECURE: 'true' }));
    const secure = await tls.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
    await tls.close();
  });
});
