import assert from 'node:assert/strict';
import { type Browser, chromium, type Page } from 'playwright-core';
import { en } from '../../web/src/i18n/en.ts';
import { screenshotter, signInThroughUi } from './accounts.ts';

/** Debian's Chromium; CI installs it with `apt-get install -y chromium`. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface CaseFlowResult {
  caseId: string;
  firNumber: string;
  /** The victim's name as typed; the case page shows only a pseudonym until a logged reveal. */
  victimName: string;
  screenshots: string[];
}

/** Uncaught errors in the page, checked at the end of each flow. */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/**
 * Sign in through the web app — setting up the second factor the first time, entering a code later times —
 * record a case with the new-case form, and find it in the case list by its FIR number and by the accused's
 * phone written another way (but never by the victim's name) — what an investigating officer does on the
 * first day.
 * @example await runCaseFlow('http://127.0.0.1:8080', 'io@example.test', 'secret', 'artifacts/e2e');
 */
export async function runCaseFlow(
  baseUrl: string,
  email: string,
  password: string,
  screenshotDir?: string,
): Promise<CaseFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot = await screenshotter(screenshotDir, screenshots);

  // Unique per run so the list search finds exactly this case even on a persistent database.
  const run = Date.now();
  const firNumber = `E2E-${run.toString(36).toUpperCase()}/2025`;
  const phoneDigits = `98${String(run).slice(-8)}`;
  const victimName = `Synthetic Victim ${run.toString(36).toUpperCase()}`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = collectPageErrors(page);

    // Sign in: an unauthenticated visit lands on the sign-in screen, then the second factor (set up the
    // first time: the demo's officers must use one), then the page first asked for.
    await signInThroughUi(page, base, email, password, { path: '/cases', shoot, prefix: '01-' });
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.locator('table.case-table[aria-busy="false"]').waitFor();
    await shoot(page, '02-case-list');

    // Role names are UI strings (translated with the rest), so every role the server knows needs one.
    const api = async <T>(path: string): Promise<T> => {
      const response = await page.request.get(`${base}/api/v1${path}`);
      assert.equal(response.status(), 200, `GET ${path}`);
      return (await response.json()) as T;
    };
    const roles = await api<{ items: { role: string }[] }>('/reference/roles');
    const unlabelled = roles.items.map((r) => r.role).filter((role) => !(`userRole.${role}` in en));
    assert.deepEqual(unlabelled, [], 'roles without a label in web/src/i18n/en.ts');
    const me = await api<{
      user: { role: string; agency: { state_lgd_code: number | null; district_lgd_code: number | null } };
    }>('/auth/me');
    const roleLabel = en[`userRole.${me.user.role}` as keyof typeof en];
    await page.locator('.topbar-role').getByText(roleLabel).waitFor();

    // New case through the form.
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
    await page.getByLabel('FIR number').fill(firNumber);
    await page.getByLabel('GD entry').fill('GD 42/2025');
    await page.getByLabel('Registered at').fill('2025-03-04T10:15');

    // The form starts in the officer's own state and district (this browser has no remembered place);
    // pick the first ones only when the agency has none.
    const state = page.getByLabel('State / UT');
    const district = page.getByLabel('District', { exact: true });
    const firstOption = (select: typeof state) => select.locator('option[value]:not([value=""])').first();
    await firstOption(state).waitFor({ state: 'attached' });
    const own = me.user.agency;
    assert.equal(await state.inputValue(), own.state_lgd_code ? String(own.state_lgd_code) : '');
    assert.equal(await district.inputValue(), own.district_lgd_code ? String(own.district_lgd_code) : '');
    if (!(await state.inputValue())) {
      const stateValue = await firstOption(state).getAttribute('value');
      assert.ok(stateValue, 'the state list is empty');
      await state.selectOption(stateValue);
    }
    await firstOption(district).waitFor({ state: 'attached' });
    if (!(await district.inputValue())) {
      const districtValue = await firstOption(district).getAttribute('value');
      assert.ok(districtValue, 'the district list is empty');
      await district.selectOption(districtValue);
    }
    await page.getByLabel('Place', { exact: true }).fill('Lodge near the bus stand');
    await page.getByLabel('PIN code').fill('411002');
    // Shared with the district's agencies; others whose records match see only a hit.
    await page.getByLabel('Who may read this case').selectOption('district');

    const offenceSearch = page.getByLabel('Search offences');
    await offenceSearch.fill('POCSO 6');
    await page.getByRole('checkbox', { name: /POCSO-6\b/ }).check();
    await offenceSearch.fill('ITPA');
    await page.getByRole('checkbox', { name: /ITPA-5\b/ }).check();
    await offenceSearch.fill('');

    await page.getByRole('button', { name: 'Add person' }).click();
    const victim = page.getByRole('group', { name: /^Person 1(?!\d)/ });
    await victim.getByLabel('Role').selectOption('victim');
    await victim.getByLabel('Full name').fill(victimName);
    await victim.getByLabel('Gender').selectOption('female');
    await victim.getByLabel('Age', { exact: true }).fill('15');

    await page.getByRole('button', { name: 'Add person' }).click();
    const accused = page.getByRole('group', { name: /^Person 2(?!\d)/ });
    await accused.getByLabel('Role').selectOption('accused');
    await accused.getByLabel('Full name').fill('Synthetic Accused Kumar');
    await accused.getByLabel('Relation', { exact: true }).selectOption('s/o');
    await accused.getByLabel('Relative’s name').fill('Synthetic Father');
    await accused.getByLabel('Gender').selectOption('male');
    await accused.getByLabel('Age', { exact: true }).fill('41');
    await accused.getByLabel('Phone', { exact: true }).fill(phoneDigits);

    await page.getByRole('textbox', { name: 'Summary' }).fill('Synthetic case recorded by the browser test.');
    await page.locator('#main').evaluate((main) => main.scrollTo(0, 0));
    await shoot(page, '03-new-case-form');
    await page.locator('#main').evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await shoot(page, '03-new-case-form-persons');
    await page.getByRole('button', { name: 'Create case' }).click();

    // The case page of the new case.
    await page.waitForURL(/\/cases\/(?!new)[^/?#]+$/);
    const caseId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: `FIR ${firNumber}`, level: 1 }).waitFor();
    // The victim appears by pseudonym and age band only (POCSO s.23, BNS s.72); the accused by name.
    const victims = page.getByRole('region', { name: /Victims \(protected\)/ });
    await victims
      .getByText(/^V-[A-Z0-9-]+$/)
      .first()
      .waitFor();
    await victims.getByText('age 12–15').waitFor();
    assert.equal(await page.getByText(victimName).count(), 0, "the victim's name is not on the case page");
    await page.getByText('Synthetic Accused Kumar').waitFor();
    await page.getByText('Shared: District').waitFor();
    await page
      .getByRole('region', { name: /Grid matches/ })
      .getByText(/No other agency|Hits|Cases you can open/)
      .first()
      .waitFor();
    await page.getByText('POCSO-6', { exact: true }).first().waitFor();
    await shoot(page, '04-case-page');

    // Find it in the list by its FIR number.
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await search(page, firNumber);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: firNumber }) });
    await row.waitFor();
    assert.equal(await row.count(), 1, 'the new case should appear exactly once in the filtered list');
    await shoot(page, '05-case-list-filtered');

    // The victim's name never finds the case (POCSO s.23, BNS s.72) …
    await search(page, victimName);
    await page.getByText('No cases match these filters.').waitFor();
    assert.equal(await row.count(), 0, 'a victim name must not find the case');

    // … but the accused's phone does, written the way a complainant reads it out. (The list was empty a
    // moment ago, so the row appearing is this search's answer.)
    const spokenPhone = `+91 ${phoneDigits.slice(0, 5)} ${phoneDigits.slice(5)}`;
    await search(page, spokenPhone);
    await row.waitFor();
    assert.equal(await row.count(), 1, 'the accused phone in another spelling should find the case');
    await shoot(page, '06-case-list-by-phone');

    // An accused's name finds the case only for a stated purpose, which the audit log keeps.
    await search(page, 'Synthetic Accused Kumar');
    await page.getByText('No cases match these filters.').waitFor();
    assert.equal(await row.count(), 0, 'a name without a purpose finds nothing');
    await page
      .getByLabel('Purpose, to search names too')
      .fill('Trace the accused in other stations (browser test)');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has('purpose'));
    await row.waitFor();
    assert.equal(await row.count(), 1, 'the accused name with a purpose should find the case');
    await shoot(page, '07-case-list-by-name');

    // The row opens the case.
    await row.getByRole('link', { name: firNumber }).click();
    await page.waitForURL(`**/cases/${caseId}`);

    assert.deepEqual(
      pageErrors.map((e) => e.message),
      [],
      'the page raised uncaught errors',
    );
    await context.close();
    return { caseId, firNumber, victimName, screenshots };
  } finally {
    await browser.close();
  }
}

/** Type a case-list search and submit it; the caller waits for what the answer should show. */
async function search(page: Page, q: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(q);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('q') === q);
}
