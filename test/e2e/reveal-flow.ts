import assert from 'node:assert/strict';
import { screenshotter, signInThroughUi } from './accounts.ts';
import { collectPageErrors, launchChromium } from './case-flow.ts';

export interface RevealFlowResult {
  purpose: string;
  screenshots: string[];
}

/**
 * An officer reveals a child victim's identity on a case page: states the purpose, sees the identity in place
 * with the "logged" notice and its timer, hides it, and finds the reveal — with the purpose — under "Who has
 * seen this". Then an oversight auditor finds the same reveal in the audit viewer.
 * @example await runRevealFlow(base, { email, password }, { email: auditor, password }, caseId, victimName, 'artifacts');
 */
export async function runRevealFlow(
  baseUrl: string,
  officer: { email: string; password: string },
  auditor: { email: string; password: string },
  caseId: string,
  victimName: string,
  screenshotDir?: string,
): Promise<RevealFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot = await screenshotter(screenshotDir, screenshots);
  const purpose = `Production of the child before the CWC (e2e ${Date.now().toString(36)})`;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const pageErrors = collectPageErrors(page);

    // A later sign-in asks for a code from the app (the factor was set up in the first flow).
    await signInThroughUi(page, base, officer.email, officer.password, {
      path: `/cases/${caseId}`,
      shoot,
      prefix: '10-',
    });
    const victims = page.getByRole('region', { name: /Victims \(protected\)/ });
    await victims.waitFor();
    assert.equal(await page.getByText(victimName).count(), 0, 'the name is hidden before a reveal');

    // The dialog asks why; a short purpose is refused before anything is sent.
    await victims.getByRole('button', { name: 'Reveal identity' }).first().click();
    const dialog = page.getByRole('dialog', { name: /Reveal identity of V-/ });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Reveal and log' }).click();
    await dialog.getByText(/State the purpose in at least 10 characters/).waitFor();
    await dialog.getByLabel('Purpose').fill(purpose);
    await shoot(page, '11-reveal-dialog');
    await dialog.getByRole('button', { name: 'Reveal and log' }).click();

    // The identity in place, marked as logged, with the purpose and a timer.
    const shown = page.getByRole('region', { name: /Identity of V-/ });
    await shown.getByText(victimName).waitFor();
    await shown.getByText('Logged', { exact: true }).waitFor();
    await shown.getByText(purpose, { exact: false }).waitFor();
    await shown.getByText(/Hides in \d:\d\d/).waitFor();
    await shoot(page, '12-identity-revealed');

    // "Who has seen this" lists the reveal with its purpose.
    await victims.getByRole('button', { name: 'Who has seen this' }).first().click();
    const log = page.getByRole('table', { name: 'Who has seen this' });
    await log.getByRole('cell', { name: purpose }).waitFor();
    await shoot(page, '13-who-has-seen');

    // Hide now: the name leaves the screen.
    await shown.getByRole('button', { name: 'Hide now' }).click();
    await shown.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(victimName).count(), 0, 'hidden again');
    assert.deepEqual(
      pageErrors.map((e) => e.message),
      [],
    );
    await context.close();

    // The oversight auditor sees the reveal in the audit log, with who and why.
    const auditContext = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-IN',
    });
    const auditPage = await auditContext.newPage();
    auditPage.setDefaultTimeout(15_000);
    const auditErrors = collectPageErrors(auditPage);
    await signInThroughUi(auditPage, base, auditor.email, auditor.password, { shoot, prefix: '14-' });
    await auditPage.getByRole('heading', { name: 'Audit', level: 1 }).waitFor();
    const nav = auditPage.getByRole('navigation', { name: 'Main' });
    assert.deepEqual(
      await nav.getByRole('link').allInnerTexts(),
      ['Users', 'Roles', 'Audit'],
      'an auditor sees the audit screen and, read-only, the users of their scope',
    );
    await auditPage.getByRole('button', { name: 'Identity revealed', exact: true }).click();
    const row = auditPage.getByRole('row').filter({ hasText: purpose });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /SI Meera Kulkarni|Identity revealed/);
    await shoot(auditPage, '15-audit-reveals');

    // "Who saw this record": the same person's history.
    await row.getByRole('button', { name: 'Who saw it' }).click();
    await auditPage.getByRole('tab', { name: 'Who saw this record', selected: true }).waitFor();
    await auditPage.getByRole('row').filter({ hasText: purpose }).waitFor();
    await shoot(auditPage, '16-audit-record');
    assert.deepEqual(
      auditErrors.map((e) => e.message),
      [],
    );
    await auditContext.close();
    return { purpose, screenshots };
  } finally {
    await browser.close();
  }
}
