import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiSession, type Shoot, screenshotter, signInThroughUi } from './accounts.ts';
import { collectPageErrors, launchChromium } from './case-flow.ts';

interface Person {
  email: string;
  password: string;
}

export interface TipsFlowResult {
  tipId: string;
  screenshots: string[];
}

/**
 * A station house officer records a tip from the Child Helpline: the text holds the agent's phone written with
 * spaces and words, and a UPI id that is the caller's own; "Find identifiers" lists both, the officer unticks
 * the UPI id and saves; the tip's page shows the text and the phone only, and the list shows the tip. A
 * colleague at the same station who watches the phone finds a watch alert that opens the tip; the AHTU, which
 * watches it too, is told only whom to call. Screenshots at 1366×768.
 * @example await runTipsFlow(base, demo('sho'), demo('io'), demo('ahtu'), 'artifacts/e2e');
 */
export async function runTipsFlow(
  baseUrl: string,
  officer: Person,
  colleague: Person,
  other: Person,
  screenshotDir?: string,
): Promise<TipsFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot: Shoot = await screenshotter(screenshotDir, screenshots);
  const digits = `97${String(Date.now()).slice(-8)}`;
  const phone = `+91${digits}`;
  const spoken = `${digits.slice(0, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`;
  const upi = `caller${digits.slice(-4)}@okaxis`;
  const text =
    `Synthetic helpline call: two girls from Beed are kept on the first floor of Lodge Shanti near the ` +
    `bus stand. The agent answers on ${spoken}. The caller paid him once from her own UPI ${upi}.`;

  // The colleague and the AHTU watch the agent's number before the tip comes in.
  for (const who of [colleague, other]) {
    const api = await apiSession(base, who.email, who.password);
    await api.post('/grid/watches', { kind: 'phone', value: phone, reason: 'Agent named in an earlier FIR' });
  }

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    await signInThroughUi(page, base, officer.email, officer.password, { path: '/cases' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tips' }).click();
    await page.getByRole('heading', { name: 'Tips', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Record a tip…' }).click();
    const form = page.getByRole('form', { name: 'Record a tip' });
    await form.waitFor();
    // Nothing written: the form says what is missing instead of sending it.
    await form.getByRole('button', { name: 'Save the tip' }).click();
    await form.getByText('Write what was told, in at least 10 characters.').waitFor();

    await form.getByLabel('Source').selectOption({ label: 'Child Helpline 1098' });
    await form.getByLabel('Received at').fill('2025-07-03T21:15');
    // Spelled out beside the picker, whose digits follow the browser's language.
    await form.getByText('03 Jul 2025 · Indian Standard Time', { exact: true }).waitFor();
    await form.getByLabel('Place').fill('Lodge Shanti, near the bus stand');
    await form.getByLabel('What was told').fill(text);
    await form.getByRole('button', { name: 'Find identifiers' }).click();
    const found = form.getByRole('group', { name: /^Found 2/ });
    await found.waitFor();
    const phoneBox = found.getByRole('checkbox', { name: new RegExp(`Phone ${phone.replace('+', '\\+')}`) });
    const upiBox = found.getByRole('checkbox', { name: new RegExp(`UPI.*${upi}`) });
    assert.equal(await phoneBox.isChecked(), true, 'found identifiers are kept unless dropped');
    await upiBox.uncheck();
    assert.equal(await upiBox.isChecked(), false);
    await shoot(page, '50-record-tip');
    await form.getByRole('button', { name: 'Save the tip' }).click();

    // The tip's page: the text, and the phone only (the caller's UPI id was dropped).
    await page.waitForURL(/\/tips\/[0-9a-f-]{36}$/);
    const tipId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: /^Tip of 03 Jul 2025/, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'What was told' }).getByText(text).waitFor();
    const identifiers = page.getByRole('region', { name: /^Identifiers/ });
    const phoneRow = identifiers.getByRole('row').filter({ hasText: phone });
    await phoneRow.waitFor();
    assert.match((await phoneRow.textContent()) ?? '', /^Phone.*found in the text/);
    assert.equal(await identifiers.getByRole('row').count(), 2, 'a header and the phone: one identifier');
    assert.ok(!((await identifiers.textContent()) ?? '').includes(upi), 'the dropped UPI id is not kept');
    await shoot(page, '51-tip');

    // The list: the tip, with one identifier and no text.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tips' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: /03 Jul 2025/ }) });
    await row.first().waitFor();
    const rowText = (await row.first().textContent()) ?? '';
    assert.match(rowText, /Child Helpline 1098/);
    assert.match(rowText, /Lodge Shanti/);
    assert.match(rowText, /1Phone/);
    assert.ok(!rowText.includes('Beed'), 'the list shows no text');
    await shoot(page, '52-tips-list');
    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
    await context.close();

    // The AHTU's alert names the station and whom to call, nothing of the tip.
    const ahtu = await apiSession(base, other.email, other.password);
    const theirs = await ahtu.get<{
      items: { other: { record_kind: string; record_id: string; readable: boolean } }[];
    }>('/grid/alerts?kind=watchlist');
    const hit = theirs.items.find((a) => a.other.record_id === tipId);
    assert.equal(hit?.other.record_kind, 'tip');
    assert.equal(hit?.other.readable, false);

    // The colleague at the station: the watch alert opens the tip.
    const colleagueContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'en-IN',
    });
    const colleaguePage: Page = await colleagueContext.newPage();
    colleaguePage.setDefaultTimeout(15_000);
    const colleagueErrors = collectPageErrors(colleaguePage);
    await signInThroughUi(colleaguePage, base, colleague.email, colleague.password, {
      path: '/grid/alerts?kind=watchlist',
    });
    await colleaguePage.getByRole('heading', { name: 'Alerts and watches', level: 1 }).waitFor();
    const alert = colleaguePage
      .getByRole('listitem')
      .filter({ has: colleaguePage.getByRole('link', { name: 'Open the tip' }) })
      .filter({ hasText: phone.slice(-8) });
    await alert.first().waitFor();
    await shoot(colleaguePage, '53-tip-alert');
    await alert.first().getByRole('link', { name: 'Open the tip' }).click();
    await colleaguePage.waitForURL(new RegExp(`/tips/${tipId}$`));
    await colleaguePage.getByRole('region', { name: 'What was told' }).getByText(text).waitFor();
    assert.deepEqual(
      colleagueErrors.map((e) => e.message),
      [],
    );
    await colleagueContext.close();
    return { tipId, screenshots };
  } finally {
    await browser.close();
  }
}
