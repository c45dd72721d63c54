import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiSession, type Shoot, screenshotter, signInThroughUi } from './accounts.ts';
import { collectPageErrors, launchChromium } from './case-flow.ts';

interface Person {
  email: string;
  password: string;
}

export interface DisclosureFlowResult {
  ownerCaseId: string;
  requesterCaseId: string;
  screenshots: string[];
}

/** A case with one accused whose phone is `phone`, recorded through the API (the arrangement, not the journey). */
async function recordCase(base: string, who: Person, fir: string, phone: string): Promise<string> {
  const api = await apiSession(base, who.email, who.password);
  const created = await api.post<{ id: string }>('/cases', {
    fir_number: fir,
    registered_at: '2025-06-01T10:00:00+05:30',
    procedure_code: 'BNSS',
    offences: ['ITPA-5'],
    summary: `Synthetic case ${fir} for the disclosure browser test.`,
    distribution: 'agency',
    persons: [
      {
        role: 'accused',
        full_name: `Synthetic Trafficker ${fir}`,
        gender: 'male',
        age: 38,
        identifiers: [{ kind: 'phone', value: phone }],
      },
    ],
  });
  return created.id;
}

async function openPage(
  browser: Browser,
): Promise<{ page: Page; errors: Error[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-IN' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { page, errors: collectPageErrors(page), close: () => context.close() };
}

/**
 * Two agencies hold the same trafficker's phone in cases of their own, each shared with its own agency only.
 * The requester sees the owner's case as a hit on their case page — the owning station and its contact, no
 * content — and files a disclosure request with a purpose and their case reference. The owner finds it in
 * their inbox (the top bar counts it) and approves it, granting chosen parts until a date. The requester is
 * notified and opens the case, marked as disclosed.
 * @example await runDisclosureFlow(base, requester, owner, approver, 'artifacts/e2e');
 */
export async function runDisclosureFlow(
  baseUrl: string,
  requester: Person,
  owner: Person,
  approver: Person,
  screenshotDir?: string,
): Promise<DisclosureFlowResult> {
  const base = baseUrl.replace(/\/+$/, '');
  const screenshots: string[] = [];
  const shoot: Shoot = await screenshotter(screenshotDir, screenshots);
  const run = Date.now().toString(36).toUpperCase();
  const phone = `97${String(Date.now()).slice(-8)}`;
  const ownerFir = `OWN-${run}/2025`;
  const requesterFir = `REQ-${run}/2025`;
  const ownerCaseId = await recordCase(base, owner, ownerFir, phone);
  const requesterCaseId = await recordCase(
    base,
    requester,
    requesterFir,
    `+91 ${phone.slice(0, 5)} ${phone.slice(5)}`,
  );
  const purpose = `Same trafficker phone as in our ${requesterFir}; need his identity and associates`;

  const browser = await launchChromium();
  try {
    // The requester: a hit on their own case page, then the request.
    const asker = await openPage(browser);
    let page = asker.page;
    await signInThroughUi(page, base, requester.email, requester.password, {
      path: `/cases/${requesterCaseId}`,
    });
    await page.getByRole('heading', { name: `FIR ${requesterFir}`, level: 1 }).waitFor();
    const matches = page.getByRole('region', { name: /Grid matches/ });
    const hit = matches.getByRole('listitem').filter({ hasText: 'Hit' }).filter({ hasText: 'Ashok Chowk' });
    await hit.waitFor();
    assert.match((await hit.textContent()) ?? '', /same Phone/);
    assert.equal(await page.getByText(ownerFir).count(), 0, "a hit shows no content of the owner's case");
    await hit.getByRole('button', { name: 'Request disclosure…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request disclosure' });
    await dialog.getByLabel('Purpose').fill(purpose);
    assert.equal(await dialog.getByLabel('Your case reference').inputValue(), `FIR ${requesterFir}`);
    await dialog.getByLabel('identifiers').uncheck();
    await shoot(page, '20-request-disclosure');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'detached' });
    await hit.getByText('Pending').waitFor();
    await shoot(page, '21-hit-pending');
    await page.getByRole('link', { name: 'Disclosures' }).click();
    await page.getByRole('tab', { name: 'Our requests' }).click();
    await page.getByRole('tab', { name: 'Our requests', selected: true }).waitFor();
    await page.getByRole('row').filter({ hasText: purpose }).getByText('Pending').waitFor();
    await shoot(page, '22-outbox-pending');
    assert.deepEqual(
      asker.errors.map((e) => e.message),
      [],
    );
    await asker.close();

    // The owner: the top bar counts the request; the inbox holds it; approve two parts until a date.
    const decider = await openPage(browser);
    page = decider.page;
    await signInThroughUi(page, base, approver.email, approver.password, { path: '/cases' });
    const bell = page.getByRole('link', { name: /Notifications: [1-9]\d* unread/ });
    await bell.waitFor();
    await bell.click();
    await page.getByRole('tab', { name: /Notifications/, selected: true }).waitFor();
    await page.getByRole('link', { name: 'Another agency asks to see one of your cases' }).first().click();
    await page.getByRole('tab', { name: 'Requests to us', selected: true }).waitFor();
    const request = page.getByRole('row').filter({ hasText: purpose });
    await request.waitFor();
    assert.match((await request.textContent()) ?? '', /Anti-Human Trafficking Unit/);
    await shoot(page, '23-inbox');
    await request.getByRole('button', { name: 'Approve…' }).click();
    const approve = page.getByRole('dialog', { name: 'Approve the request' });
    assert.equal(await approve.getByLabel('summary').isChecked(), true);
    assert.equal(await approve.getByLabel('persons').isChecked(), true);
    assert.equal(
      await approve.getByLabel('identifiers').isChecked(),
      false,
      'only what was asked is offered',
    );
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await approve.getByLabel('Access ends').fill(until);
    await shoot(page, '24-approve');
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'detached' });
    await request.getByText('Approved').waitFor();
    await shoot(page, '25-inbox-approved');
    assert.deepEqual(
      decider.errors.map((e) => e.message),
      [],
    );
    await decider.close();

    // The requester again: notified, and the case opens as disclosed.
    const reader = await openPage(browser);
    page = reader.page;
    await signInThroughUi(page, base, requester.email, requester.password, {
      path: '/disclosures?tab=outbox',
    });
    await page.getByRole('link', { name: /Notifications: [1-9]\d* unread/ }).waitFor();
    const granted = page.getByRole('row').filter({ hasText: purpose });
    await granted.getByText('Approved').waitFor();
    assert.match((await granted.textContent()) ?? '', /summary, persons/);
    await granted.getByRole('link', { name: 'Open case' }).click();
    await page.getByRole('heading', { name: `FIR ${ownerFir}`, level: 1 }).waitFor();
    await page.getByText('Disclosed to your agency.').waitFor();
    await page.getByText(`Synthetic Trafficker ${ownerFir}`).waitFor();
    await page.getByText(/Granted: case details and summary, persons\./).waitFor();
    await page.getByText('Procuring, inducing or taking a person for prostitution').waitFor();
    await shoot(page, '26-disclosed-case');
    assert.deepEqual(
      reader.errors.map((e) => e.message),
      [],
    );
    await reader.close();
    return { ownerCaseId, requesterCaseId, screenshots };
  } finally {
    await browser.close();
  }
}
