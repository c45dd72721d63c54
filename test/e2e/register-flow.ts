import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiSession, type Shoot, screenshotter, signInThroughUi } from './accounts.ts';
import { collectPageErrors, launchChromium } from './case-flow.ts';

interface Person {
  email: string;
  password: string;
}

export interface RegisterFlowResult {
  sheetId: string;
  screenshots: string[];
}

/** The 12-month review of the demo's history-sheet rules, as the register shows dates ("10 Jun 2025"). */
const openedOn = '2025-06-10';
const openedOnShown = '10 Jun 2025';
const reviewDue = '2026-06-10';
const reviewDueShown = '10 Jun 2026';

/**
 * The arrangement: a case at the officer's station with one adult accused — a name with a per-run surname,
 * the father's name and a phone — written through the API, as the station's writer would have entered it.
 */
async function arrange(base: string, officer: Person, run: string) {
  const surname = `Gaikwad${run}`;
  const phone = `97${String(Date.now()).slice(-8)}`;
  const fir = `RG-${run}/2025`;
  const station = await apiSession(base, officer.email, officer.password);
  await station.post('/cases', {
    fir_number: fir,
    registered_at: '2025-06-01T10:00:00+05:30',
    procedure_code: 'BNSS',
    offences: ['ITPA-5'],
    summary: `Synthetic case ${fir} for the register browser test.`,
    distribution: 'agency',
    persons: [
      {
        role: 'accused',
        full_name: `Shri Dattatray ${surname}`,
        relation_kind: 's/o',
        relation_name: `Baburao ${surname}`,
        gender: 'male',
        age: 38,
        identifiers: [{ kind: 'phone', value: phone }],
      },
    ],
  });
  return { surname, phone, fir, accused: `Shri Dattatray ${surname}` };
}

/**
 * A station house officer opens a history sheet on the accused of a case from the case page (the state's
 * rule, the grounds, the ordering officer and the date), finds it in the register and reads its grounds;
 * watches the accused's phone from the grid's alerts screen; and, when another agency (the AHTU) writes a case
 * holding that phone, sees the watch alert naming that agency and whom to call there. The agency's
 * administrator then adds the station's own landline to the warning list. Screenshots at 1366×768.
 * @example await runRegisterFlow(base, demo('sho'), demo('ahtu'), demo('admin'), 'artifacts/e2e');
 */
export async function runRegisterFlow(
  baseUrl: string,
  officer: Person,
  other: Person,
  admin: Person,
  screenshotDir?: string,
): Promise<RegisterFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot: Shoot = await screenshotter(screenshotDir, screenshots);
  const run = Date.now().toString(36).toUpperCase();
  const { surname, phone, fir, accused } = await arrange(base, officer, run);

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    await signInThroughUi(page, base, officer.email, officer.password, { path: '/cases' });

    // The case, found in the list by its FIR number.
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill(fir);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('row').getByRole('link', { name: fir }).click();
    await page.getByRole('heading', { name: `FIR ${fir}`, level: 1 }).waitFor();

    // Open a history sheet on the accused: the dialog asks for the rule, the grounds, the ordering officer.
    const accusedRow = page.getByRole('row').filter({ hasText: accused });
    await accusedRow.getByRole('button', { name: 'Open history sheet…' }).click();
    const dialog = page.getByRole('dialog', { name: `Open a history sheet: ${accused}` });
    await dialog.waitFor();
    // Nothing filled in: the dialog says what is missing instead of sending it.
    await dialog.getByRole('button', { name: 'Open the sheet' }).click();
    await dialog.getByText('State the grounds in at least 20 characters.').waitFor();
    const rule = dialog.getByLabel('Category (your state’s rule)');
    const rules = (await rule.locator('option').allTextContents()).filter((l) => l !== 'Choose…');
    const historySheet = rules.find((l) => /history sheet/i.test(l));
    assert.ok(historySheet, `a history-sheet rule for the station's state: ${rules.join(', ')}`);
    await rule.selectOption({ label: historySheet });
    await dialog.getByText(/^Ordered by at least: /).waitFor();
    const grounds = `Habitual procurer: named in ${fir} and known to the beat staff for supplying minors to lodges.`;
    await dialog.getByLabel('Grounds').fill(grounds);
    await dialog.getByLabel('Ordered by').fill('Sunil Deshpande');
    await dialog.getByLabel('Rank').selectOption({ label: 'Superintendent of Police' });
    await dialog.getByLabel('Opened on').fill(openedOn);
    // Spelled out beside the picker, whose digits follow the browser's language (06/10/2025 in English (US)).
    await dialog.getByText('10 Jun 2025', { exact: true }).waitFor();
    await shoot(page, '40-open-sheet-dialog');
    await dialog.getByRole('button', { name: 'Open the sheet' }).click();

    // The new sheet's page: its number, the facts and the grounds.
    await page.waitForURL(/\/register\/[0-9a-f-]{36}$/);
    const sheetId = page.url().split('/').pop() ?? '';
    const title = page.getByRole('heading', { name: /^History sheet no\. \d+$/, level: 1 });
    await title.waitFor();
    const sheetTitle = (await title.textContent()) ?? '';
    const number = sheetTitle.replace(/^History sheet no\. /, '');
    await page.getByText(`${accused} · `).waitFor();
    const facts = (await page.locator('dl.facts').textContent()) ?? '';
    assert.match(facts, /Sunil Deshpande \(Superintendent of Police\)/);
    assert.match(facts, new RegExp(openedOnShown));
    assert.match(facts, new RegExp(reviewDueShown), 'the review falls due after the rule’s interval');
    await page.getByRole('region', { name: 'Grounds' }).getByText(grounds).waitFor();

    // The register lists it; its row opens the same sheet, grounds and all.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click();
    await page.getByRole('heading', { name: 'History-sheet register', level: 1 }).waitFor();
    assert.equal(
      await page.getByRole('tab', { name: 'Open', exact: true }).getAttribute('aria-selected'),
      'true',
    );
    const sheetRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: accused }) });
    await sheetRow.waitFor();
    const rowText = (await sheetRow.textContent()) ?? '';
    assert.match(rowText, new RegExp(historySheet.replace(/[()]/g, '\\$&')));
    assert.match(rowText, new RegExp(`${openedOnShown}.*${reviewDueShown}`));
    assert.match(rowText, /Open$/);
    // Past its review date (the test's clock permitting), the row says so.
    const todayIst = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
    assert.equal(/overdue/.test(rowText), todayIst > reviewDue, `overdue on ${todayIst}: ${rowText}`);
    assert.equal(await sheetRow.getByRole('link', { name: number, exact: true }).count(), 1);
    await shoot(page, '41-register');
    await sheetRow.getByRole('link', { name: number, exact: true }).click();
    await page.getByRole('heading', { name: sheetTitle, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Grounds' }).getByText(grounds).waitFor();
    await page.getByRole('button', { name: 'Record review…' }).waitFor();
    await shoot(page, '42-sheet');

    // Watch the accused's phone from the grid's alerts-and-watches screen.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grid' }).click();
    await page
      .getByRole('navigation', { name: 'Grid screens' })
      .getByRole('link', { name: 'Alerts and watches' })
      .click();
    await page.getByRole('heading', { name: 'Alerts and watches', level: 1 }).waitFor();
    const watchesPanel = page.getByRole('region', { name: /^My watches\b/ });
    const form = watchesPanel.getByRole('form', { name: 'Watch an identifier' });
    await form.getByLabel('Kind').selectOption({ label: 'Phone' });
    await form.getByLabel('Value').fill(phone);
    const watchButton = form.getByRole('button', { name: 'Watch', exact: true });
    assert.equal(await watchButton.isDisabled(), true, 'a watch needs a reason');
    const reason = `Accused in ${fir}; history sheet no. ${number}`;
    await form.getByLabel('Reason').fill(reason);
    await watchButton.click();
    const watchRow = watchesPanel.getByRole('row').filter({ hasText: reason });
    await watchRow.waitFor();
    assert.match((await watchRow.textContent()) ?? '', /^Phone/);
    assert.match((await watchRow.textContent()) ?? '', new RegExp(phone.slice(-8)));
    assert.equal(await form.getByLabel('Value').inputValue(), '', 'the form is cleared for the next watch');
    await shoot(page, '43-watch-added');

    // The AHTU writes a case holding the same phone, written another way: the officer's watch alerts them,
    // naming the AHTU and its contact officer (the case itself is the AHTU's, shared with no one: a hit).
    const ahtu = await apiSession(base, other.email, other.password);
    const me = await ahtu.get<{ user: { agency: { id: string } } }>('/auth/me');
    const ahtuAgency = await ahtu.get<{ name: string; contact_officer: string | null }>(
      `/agencies/${me.user.agency.id}`,
    );
    assert.ok(ahtuAgency.contact_officer, 'the demo AHTU has a contact officer');
    const otherFir = `RH-${run}/2025`;
    await ahtu.post('/cases', {
      fir_number: otherFir,
      registered_at: '2025-07-02T18:30:00+05:30',
      procedure_code: 'BNSS',
      offences: ['ITPA-5'],
      summary: `Synthetic case ${otherFir} for the register browser test.`,
      distribution: 'agency',
      persons: [
        {
          role: 'trafficker',
          full_name: `D. B. ${surname}`,
          gender: 'male',
          age: 38,
          identifiers: [{ kind: 'phone', value: `+91 ${phone.slice(0, 5)}-${phone.slice(5)}` }],
        },
      ],
    });
    const alertsPanel = page.getByRole('region', { name: /^Alerts\b/ });
    await alertsPanel.getByRole('tab', { name: 'Watchlist' }).click();
    await page.waitForURL(/kind=watchlist/);
    const watchAlert = alertsPanel.getByRole('listitem').filter({ hasText: /^Watchlist/ });
    for (let attempt = 0; (await watchAlert.count()) === 0; attempt++) {
      assert.ok(attempt < 10, 'the watch alert appears');
      await page.waitForTimeout(1000);
      await page.reload();
      await alertsPanel.getByRole('tab', { name: 'Watchlist', selected: true }).waitFor();
      await alertsPanel
        .getByText(/^(No alerts\.|Watchlist)/)
        .first()
        .waitFor();
    }
    assert.equal(await watchAlert.count(), 1, 'one alert for the one watch and record');
    const alertText = (await watchAlert.textContent()) ?? '';
    assert.match(alertText, /New/);
    assert.match(alertText, /on Phone/);
    assert.match(alertText, /Your watch: Phone/);
    assert.match(alertText, new RegExp(phone.slice(-8)));
    assert.ok(alertText.includes(ahtuAgency.name), `names the AHTU: ${alertText}`);
    assert.ok(alertText.includes(ahtuAgency.contact_officer), `names whom to call: ${alertText}`);
    assert.ok(!alertText.includes(otherFir), "a hit shows nothing of the other agency's case");
    await watchAlert.getByText('Hit', { exact: true }).waitFor();
    await shoot(page, '44-watch-alert');

    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
    await context.close();

    // The warning list: the agency's administrator adds the station's own landline, which must never link.
    const adminContext = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'en-IN',
    });
    const adminPage: Page = await adminContext.newPage();
    adminPage.setDefaultTimeout(15_000);
    const adminErrors = collectPageErrors(adminPage);
    await signInThroughUi(adminPage, base, admin.email, admin.password, { path: '/' });
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grid' }).click();
    await adminPage.getByRole('heading', { name: 'Warning list', level: 1 }).waitFor();
    const landline = `020 2612 ${String(Date.now()).slice(-4)}`;
    const entries = adminPage.getByRole('region', { name: /^Entries\b/ });
    const addForm = entries.getByRole('form', { name: 'Add a value' });
    await addForm.getByLabel('Kind').selectOption({ label: 'Phone' });
    await addForm.getByLabel('Value').fill(landline);
    await addForm.getByLabel('Reason').fill('The police station’s own landline');
    await shoot(adminPage, '45-warning-list-add');
    await addForm.getByRole('button', { name: 'Add', exact: true }).click();
    // Said where the officer is looking, not only in the list.
    await addForm.getByRole('status').filter({ hasText: 'no longer links records' }).waitFor();
    const entryRow = entries.getByRole('row').filter({ hasText: 'The police station’s own landline' });
    await entryRow.waitFor();
    const entryText = (await entryRow.textContent()) ?? '';
    assert.match(entryText, /Phone/);
    assert.match(entryText, new RegExp(landline.slice(-4)));
    await entryRow.getByRole('button', { name: 'Remove' }).waitFor();
    await entryRow.scrollIntoViewIfNeeded();
    await shoot(adminPage, '46-warning-list');
    assert.deepEqual(
      adminErrors.map((e) => e.message),
      [],
    );
    await adminContext.close();
    return { sheetId, screenshots };
  } finally {
    await browser.close();
  }
}
