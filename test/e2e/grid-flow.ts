import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { apiSession, type Shoot, screenshotter, signInThroughUi } from './accounts.ts';
import { collectPageErrors, launchChromium } from './case-flow.ts';

interface Person {
  email: string;
  password: string;
}

export interface GridFlowResult {
  profileId: string;
  screenshots: string[];
}

/**
 * The arrangement: one accused recorded four times — three times by the officer's station (twice with the same
 * phone and father's name, once as a buyer with only a name and an age five years off) and once, with the same
 * phone, by the AHTU, shared with its own agency only. Written through the API, each record is matched against
 * the grid at once: the phone and names link the station's records into one profile with the AHTU's, and the
 * buyer record lands in the review queue.
 */
async function arrange(base: string, officer: Person, other: Person, run: string) {
  const surname = `Bhamre${run}`;
  const phone = `98${String(Date.now()).slice(-8)}`;
  const caseBody = (fir: string, person: Record<string, unknown>) => ({
    fir_number: fir,
    registered_at: '2025-06-01T10:00:00+05:30',
    procedure_code: 'BNSS',
    offences: ['ITPA-5'],
    summary: `Synthetic case ${fir} for the grid browser test.`,
    distribution: 'agency',
    persons: [person],
  });
  const station = await apiSession(base, officer.email, officer.password);
  const ahtu = await apiSession(base, other.email, other.password);
  const father = { relation_kind: 's/o', relation_name: `Mahendra ${surname}` };
  await station.post('/cases', {
    ...caseBody(`GA-${run}/2025`, {
      role: 'accused',
      full_name: `Shri Rakesh Kumar ${surname}`,
      ...father,
      gender: 'male',
      age: 42,
      identifiers: [
        { kind: 'phone', value: phone },
        { kind: 'upi', value: `rakesh.${run.toLowerCase()}@okaxis` },
      ],
    }),
  });
  await station.post('/cases', {
    ...caseBody(`GB-${run}/2025`, {
      role: 'accused',
      full_name: `Rakesh K. ${surname}`,
      relation_kind: 's/o',
      relation_name: 'Mahendra',
      gender: 'male',
      age: 43,
      identifiers: [{ kind: 'phone', value: `+91 ${phone}` }],
    }),
  });
  await station.post('/cases', {
    // The whole name again, an age stated loosely, nothing else: the model may not link it (nothing a namesake
    // would not share agrees), so it waits for an officer.
    ...caseBody(`GC-${run}/2025`, {
      role: 'buyer',
      full_name: `Rakesh Kumar ${surname}`,
      gender: 'male',
      age: 44,
    }),
  });
  await ahtu.post('/cases', {
    ...caseBody(`GD-${run}/2025`, {
      role: 'trafficker',
      full_name: `R. K. ${surname}`,
      ...father,
      gender: 'male',
      age: 42,
      identifiers: [{ kind: 'phone', value: phone }],
    }),
  });
  return { surname, phone };
}

/**
 * An investigating officer screens a person with a stated purpose and finds them ranked with why they matched
 * — their station's records as links, the AHTU's record as a hit with its contact officer; opens the person's
 * profile, sees the repeat-offender flag and the link-analysis network (reaching a node with the keyboard, and
 * the same network as a list); decides the pair the model left for review, and takes that record out of the
 * profile again. Screenshots at 1366×768 and at a narrow width.
 * @example await runGridFlow(base, demo('io'), demo('ahtu'), 'artifacts/e2e');
 */
export async function runGridFlow(
  baseUrl: string,
  officer: Person,
  other: Person,
  screenshotDir?: string,
): Promise<GridFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot: Shoot = await screenshotter(screenshotDir, screenshots);
  const run = Date.now().toString(36).toUpperCase();
  const { surname } = await arrange(base, officer, other, run);

  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-IN' });
    const page: Page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = collectPageErrors(page);
    await signInThroughUi(page, base, officer.email, officer.password, { path: '/grid/screen' });

    // Screen: a name in another spelling, the father's first name, an age; the purpose is required.
    await page.getByRole('heading', { name: 'Screen a person', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Grid screens' }).waitFor();
    const form = page.getByRole('form', { name: 'Person to screen' });
    await form.getByLabel('Name', { exact: true }).fill(`Rakesh ${surname}`);
    await form.getByLabel('Relative’s name').fill('Mahendra');
    await form.getByLabel('Gender').selectOption('male');
    await form.getByLabel('Age').fill('42');
    await form.getByRole('button', { name: 'Screen' }).click();
    await form.getByText('State the purpose in at least 10 characters.').waitFor();
    await form.getByRole('textbox', { name: 'Purpose' }).fill(`Accused in GA-${run}/2025: other cases`);
    await form.getByRole('button', { name: 'Screen' }).click();

    const results = page.getByRole('region', { name: 'Screening results' });
    const candidates = results.getByRole('listitem').filter({ has: page.locator('.candidate-head') });
    await candidates.first().waitFor();
    const top = candidates.first();
    assert.match((await top.textContent()) ?? '', /Same person/);
    assert.match((await top.textContent()) ?? '', new RegExp(surname));
    await top.getByRole('table').first().waitFor();
    assert.match((await top.getByRole('table').first().textContent()) ?? '', /Relative’s name/);
    const hit = candidates.filter({ hasText: 'Anti-Human Trafficking Unit' });
    await hit.waitFor();
    assert.match((await hit.textContent()) ?? '', /Hit/);
    assert.doesNotMatch(
      (await hit.textContent()) ?? '',
      new RegExp(`GD-${run}`),
      "a hit shows no content of the other agency's record",
    );
    await hit.getByRole('button', { name: 'Ask for disclosure…' }).waitFor();
    await shoot(page, '30-screen-results');

    // The profile: the records the officer reads, the AHTU's as a hit, the flags and the network.
    await top.getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL(/\/profiles\/[0-9a-f-]{36}$/);
    const profileId = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByText('Repeat offender').waitFor();
    const records = page.getByRole('region', { name: /Records you may read/ });
    await records.getByText(`Rakesh K. ${surname}`).waitFor();
    assert.ok(
      (await records.getByRole('row').count()) >= 3,
      'the station’s records of the person are listed',
    );
    await page
      .getByRole('region', { name: /Hits/ })
      .getByText('Anti-Human Trafficking Unit, Mumbai')
      .waitFor();
    const graph = page.getByRole('group', { name: /^Network of \d+ items/ });
    await graph.waitFor();
    const firstNode = graph.getByRole('button').first();
    await firstNode.focus();
    await page.keyboard.press('Enter');
    assert.equal(
      await firstNode.getAttribute('aria-pressed'),
      'true',
      'a node is selected from the keyboard',
    );
    await page.getByRole('button', { name: /^Identifier: Phone \+91/ }).click();
    await page.locator('.network-detail').getByText('uses').first().waitFor();
    await shoot(page, '31-profile');
    await page.getByRole('region', { name: 'Network' }).scrollIntoViewIfNeeded();
    await shoot(page, '32-profile-network');
    await page.getByLabel('List', { exact: true }).check();
    const list = page.getByRole('table', { name: 'The network as a list' });
    await list.getByRole('rowheader', { name: new RegExp(`GA-${run}`) }).waitFor();

    // Narrow: the same profile on a small screen.
    await page.setViewportSize({ width: 760, height: 1000 });
    await page.getByLabel('Graph', { exact: true }).check();
    await graph.waitFor();
    await shoot(page, '33-profile-narrow');
    await page.setViewportSize({ width: 1366, height: 768 });

    // The review queue: the buyer record the model could not decide, side by side; confirm it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grid' }).click();
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Review queue', level: 1 }).waitFor();
    const pairs = page.getByRole('navigation', { name: 'Pairs to review' });
    const ours = pairs
      .getByRole('button')
      .filter({ hasText: `Rakesh Kumar ${surname}` })
      .first();
    await ours.click();
    const pair = page.getByRole('region', { name: 'Are these the same person?' });
    await pair.getByRole('cell', { name: `Rakesh Kumar ${surname}`, exact: true }).waitFor();
    await pair
      .getByLabel('Note')
      .fill('The whole name again, the age stated loosely; seen together at the raid');
    await shoot(page, '34-review');
    const pairText = (await pair.textContent()) ?? '';
    assert.match(pairText, /Evidence/);
    await pair.getByRole('button', { name: 'Confirm: same person' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Confirmed: / })
      .waitFor();
    await shoot(page, '35-review-decided');
    await page.getByRole('tab', { name: 'Confirmed' }).click();
    const decided = page.getByRole('row').filter({ hasText: `Rakesh Kumar ${surname}` });
    await decided.first().waitFor();
    assert.match((await decided.first().textContent()) ?? '', /The whole name again/);

    // Second thoughts: on the profile, the officer takes the buyer record out again ("Not this person…"), giving
    // the reason the dialog asks for; the record leaves the table, and the decision is kept in the queue.
    await page.goto(`${base}/profiles/${profileId}`);
    const buyerRow = records
      .getByRole('row')
      .filter({ has: page.getByText(`Rakesh Kumar ${surname}`, { exact: true }) });
    await buyerRow.waitFor();
    await buyerRow.getByRole('button', { name: /^Not this person/ }).click();
    const unlinkDialog = page.getByRole('dialog', { name: /^Take .* out of this profile\?$/ });
    await unlinkDialog.getByRole('button', { name: 'Take out of profile' }).click();
    await unlinkDialog.getByText('Say why in at least 10 characters').waitFor();
    await unlinkDialog
      .getByLabel(/^Why this record is not this person/)
      .fill('Buyer at the raid is a namesake: different village and father');
    await shoot(page, '39-profile-unlink');
    await unlinkDialog.getByRole('button', { name: 'Take out of profile' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /was taken out of this profile/ })
      .waitFor();
    await buyerRow.waitFor({ state: 'detached' });
    // The link history (audited, so read on request) says who took which record out, and why.
    await page.getByRole('button', { name: 'Show the link history' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: `Rakesh Kumar ${surname} was taken out` })
      .filter({ hasText: 'different village and father' })
      .waitFor();
    await shoot(page, '40-profile-unlinked');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Grid' }).click();
    await page.getByRole('navigation', { name: 'Grid screens' }).waitFor();

    // Alerts: the AHTU works the same phone, so the station has a deconfliction alert naming whom to call; the
    // officer reads it and marks it read — the unread count drops, and "Unread only" no longer lists it.
    await page
      .getByRole('navigation', { name: 'Grid screens' })
      .getByRole('link', { name: 'Alerts and watches' })
      .click();
    await page.getByRole('heading', { name: 'Alerts and watches', level: 1 }).waitFor();
    const alertsPanel = page.getByRole('region', { name: /^Alerts\b/ });
    const ourAlert = alertsPanel
      .getByRole('listitem')
      .filter({ hasText: `GA-${run}` })
      .first();
    await ourAlert.waitFor();
    assert.match((await ourAlert.textContent()) ?? '', /Deconfliction/);
    assert.match((await ourAlert.textContent()) ?? '', /Anti-Human Trafficking Unit/);
    assert.match((await ourAlert.textContent()) ?? '', /New/);
    const unreadCount = async () => Number((await alertsPanel.locator('h2 .count').textContent()) ?? 'NaN');
    const before = await unreadCount();
    assert.ok(before >= 1, `unread alerts: ${before}`);
    await shoot(page, '37-alerts-unread');
    await ourAlert.getByRole('button', { name: /^Mark read/ }).click();
    await ourAlert.getByText(/^Read /).waitFor();
    await alertsPanel.locator('h2 .count', { hasText: new RegExp(`^${before - 1}$`) }).waitFor();
    assert.equal(await ourAlert.getByRole('button', { name: /^Mark read/ }).count(), 0);
    await shoot(page, '38-alerts-read');
    await alertsPanel.getByLabel('Unread only').check();
    await alertsPanel.getByText(/^Unread: /).waitFor();
    await ourAlert.waitFor({ state: 'detached' });

    // Narrow widths of the other two screens, for the record.
    await page.setViewportSize({ width: 760, height: 1000 });
    await page.getByRole('link', { name: 'Screen a person' }).click();
    await page.getByRole('heading', { name: 'Screen a person', level: 1 }).waitFor();
    await shoot(page, '36-screen-narrow');

    assert.deepEqual(
      errors.map((e) => e.message),
      [],
    );
    await context.close();
    return { profileId, screenshots };
  } finally {
    await browser.close();
  }
}
