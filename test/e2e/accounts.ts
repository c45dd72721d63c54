import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';

/**
 * The demo users' second factors, as the browser flows set them up: the TOTP secret each one enrolled, and the
 * last time step used (the server takes each code once, RFC 6238 §5.2). Kept per server, so flows run one after
 * another against the same server can sign the same user in again.
 */
const enrolled = new Map<string, { secret: string; lastStep: number }>();
const stepMs = 30_000;
const key = (base: string, email: string) => `${base.replace(/\/+$/, '')}|${email.toLowerCase()}`;

export function rememberSecret(base: string, email: string, secret: string, usedAt = Date.now()): void {
  enrolled.set(key(base, email), { secret, lastStep: Math.floor(usedAt / stepMs) });
}

export function isEnrolled(base: string, email: string): boolean {
  return enrolled.has(key(base, email));
}

/** A code for a time step not used before; waits (at most one step) when the current one is taken. */
export async function nextCode(base: string, email: string): Promise<string> {
  const entry = enrolled.get(key(base, email));
  assert.ok(entry, `no second factor recorded for ${email}`);
  // The server accepts one step either side of now; a step ahead saves waiting.
  const step = Math.max(Math.floor(Date.now() / stepMs), entry.lastStep + 1);
  while (step > Math.floor(Date.now() / stepMs) + 1) await new Promise((r) => setTimeout(r, 500));
  entry.lastStep = step;
  return new TOTP({ secret: Secret.fromBase32(entry.secret) }).generate({ timestamp: step * stepMs });
}

/** A code for a secret shown on screen a moment ago (set-up), counted as used. */
export function codeFor(base: string, email: string, secret: string): string {
  const now = Date.now();
  rememberSecret(base, email, secret, now);
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now });
}

export type Shoot = (page: Page, name: string) => Promise<void>;

/** Screenshots at the flow's viewport into `dir` (when given), named in the order they are taken. */
export async function screenshotter(dir: string | undefined, taken: string[]): Promise<Shoot> {
  if (dir) await mkdir(dir, { recursive: true });
  return async (page, name) => {
    if (!dir) return;
    const path = join(dir, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    taken.push(path);
  };
}

/**
 * Sign in through the web app, including the second factor: set it up the first time (scan — here, read the
 * key shown for typing — confirm a code, keep the recovery codes), enter a code later times. Ends on the first
 * screen of the app.
 */
export async function signInThroughUi(
  page: Page,
  base: string,
  email: string,
  password: string,
  options: { path?: string; shoot?: Shoot; prefix?: string } = {},
): Promise<void> {
  const { shoot, prefix = '' } = options;
  await page.goto(`${base}${options.path ?? '/'}`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  if (shoot) await shoot(page, `${prefix}sign-in`);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const setUp = page.getByRole('heading', { name: 'Set up your second factor', exact: true });
  const verify = page.getByRole('heading', { name: 'Second factor', exact: true });
  const signedIn = page.getByRole('button', { name: 'Sign out' });
  await setUp.or(verify).or(signedIn.first()).first().waitFor();

  if (await setUp.isVisible()) {
    const secret = await page.locator('.mfa-secret').getAttribute('data-secret');
    assert.ok(secret, 'the set-up screen shows the key for typing');
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    if (shoot) await shoot(page, `${prefix}mfa-setup`);
    await page.getByLabel('Code from the app').fill(codeFor(base, email, secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    assert.equal(await codes.count(), 10, 'ten recovery codes are shown once');
    const cont = page.getByRole('button', { name: 'Continue to ChildGrid' });
    assert.equal(await cont.isDisabled(), true, 'continuing needs the "I saved them" tick');
    if (shoot) await shoot(page, `${prefix}mfa-recovery-codes`);
    await page.getByLabel('I have saved these recovery codes somewhere safe.').check();
    await cont.click();
  } else if (await verify.isVisible()) {
    if (shoot) await shoot(page, `${prefix}mfa-verify`);
    await page.getByLabel('Code from the app').fill(await nextCode(base, email));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await signedIn.waitFor();
}

export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
}

/**
 * A cookie session for arranging data through the API (as the same user the browser flow signs in as), with
 * the second factor handled: verified when enrolled, else set up and remembered for the browser to use.
 */
export async function apiSession(base: string, email: string, password: string): Promise<ApiClient> {
  const root = `${base.replace(/\/+$/, '')}/api/v1`;
  const signIn = await fetch(`${root}/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  assert.equal(signIn.status, 200, `sign-in of ${email}`);
  const session = (await signIn.json()) as { csrf_token: string; mfa: { pending: string | null } };
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': session.csrf_token,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  if (session.mfa.pending === 'mfa_setup_required') {
    const setup = await call<{ secret: string }>('POST', '/auth/mfa/setup');
    await call('POST', '/auth/mfa/confirm', { code: codeFor(base, email, setup.secret) });
  } else if (session.mfa.pending === 'mfa_required') {
    await call('POST', '/auth/mfa/verify', { code: await nextCode(base, email) });
  }
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}
