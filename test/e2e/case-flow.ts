import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

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
  screenshots: string[];
}

/**
 * Sign in through the web app, record a case with the new-case form, and find it in the case list
 * by its FIR number — what an investigating officer does on the first day.
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
  if (screenshotDir) await mkdir(screenshotDir, { recursive: true });
  const shoot = async (page: Page, name: string) => {
    if (!screenshotDir) return;
    const path = join(screenshotDir, `${name}.png`);
    await page.screenshot({ path, fullPage: false });
    screenshots.push(path);
  };

  // Unique per run so the list search finds exactly this case even on a persistent database.
  const firNumber = `E2E-${Date.now().toString(36).toUpperCase()}/2025`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));

    // Sign in: an unauthenticated visit lands on the sign-in screen.
    await page.goto(`${base}/cases`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await shoot(page, '01-sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.locator('table.case-table[aria-busy="false"]').waitFor();
    await shoot(page, '02-case-list');

    // New case through the form.
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByRole('heading', { name: 'New case', level: 1 }).waitFor();
    await page.getByLabel('FIR number').fill(firNumber);
    await page.getByLabel('GD entry').fill('GD 42/2025');
    await page.getByLabel('Registered at').fill('2025-03-04T10:15');

    // The form starts in the officer's own state and district; pick the first ones only when it has none.
    const state = page.getByLabel('State / UT');
    const district = page.getByLabel('District', { exact: true });
    const firstOption = (select: typeof state) => select.locator('option[value]:not([value=""])').first();
    await firstOption(state).waitFor({ state: 'attached' });
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

    const offenceSearch = page.getByLabel('Search offences');
    await offenceSearch.fill('POCSO 6');
    await page.getByRole('checkbox', { name: /POCSO-6\b/ }).check();
    await offenceSearch.fill('ITPA');
    await page.getByRole('checkbox', { name: /ITPA-5\b/ }).check();
    await offenceSearch.fill('');

    await page.getByRole('button', { name: 'Add person' }).click();
    const victim = page.getByRole('group', { name: /^Person 1(?!\d)/ });
    await victim.getByLabel('Role').selectOption('victim');
    await victim.getByLabel('Full name').fill('Synthetic Victim One');
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
    await accused.getByLabel('Phone', { exact: true }).fill('9822012345');

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
    const victims = page.getByRole('region', { name: /Victims \(protected\)/ });
    await victims.getByText('Synthetic Victim One').waitFor();
    await page.getByText('Synthetic Accused Kumar').waitFor();
    await page.getByText('POCSO-6', { exact: true }).first().waitFor();
    await shoot(page, '04-case-page');

    // Find it in the list by its FIR number.
    await page.getByRole('link', { name: 'Cases' }).first().click();
    await page.getByRole('heading', { name: 'Cases', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill(firNumber);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === firNumber);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: firNumber }) });
    await row.waitFor();
    assert.equal(await row.count(), 1, 'the new case should appear exactly once in the filtered list');
    await shoot(page, '05-case-list-filtered');

    // The row opens the case.
    await row.getByRole('link', { name: firNumber }).click();
    await page.waitForURL(`**/cases/${caseId}`);

    assert.deepEqual(
      pageErrors.map((e) => e.message),
      [],
      'the page raised uncaught errors',
    );
    await context.close();
    return { caseId, firNumber, screenshots };
  } finally {
    await browser.close();
  }
}
