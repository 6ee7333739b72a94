import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { expectNoSeriousA11yViolations } from './support/axe';
import { setUpRoom, startLaterToday } from './support/room-api';
import { ApiSession, expectStatus, signInDemoAdmin } from './support/staff-api';

/**
 * The parent's side of a referral, on a phone and at a desk: set up through the API (a coordinator
 * with two-factor, a family, a flag, a referral with consent, the parent's link), the parent sees
 * exactly what will be shared and approves it, in Dutch and in Arabic (right to left); the
 * coordinator sends it and the receiving service opens the packet.
 *
 * The parent's link reaches them only by SMS: its token is read from the outbox in the app's own
 * database, given in KRING_E2E_DATABASE_URL (skipped without it).
 */
const DB = process.env['KRING_E2E_DATABASE_URL'];

async function parentToken(since: Date): Promise<string> {
  const db = new pg.Client({ connectionString: DB });
  await db.connect();
  try {
    const { rows } = await db.query<{ body: string }>(
      `SELECT body FROM outbox_message WHERE kind = 'referral_parent_link' AND created_at >= $1 ORDER BY created_at DESC LIMIT 1`,
      [since],
    );
    const token = /#token=([A-Za-z0-9_-]+)/.exec(rows[0]?.body ?? '')?.[1];
    if (!token) throw new Error('no parent link in the outbox');
    return token;
  } finally {
    await db.end();
  }
}

interface Referral {
  coordinator: ApiSession;
  id: string;
  service: string;
  token: string;
}

async function setUpReferral(baseURL: string, language: 'nl' | 'ar', canary: string): Promise<Referral> {
  const start = startLaterToday();
  test.skip(start === null, 'too close to midnight in Brussels to plan a session today');
  const room = await setUpRoom(baseURL, start ?? '');
  // A family with a phone, so the parent's link goes out by SMS.
  const name = `Sara ${randomBytes(2).toString('hex')}`;
  await expectStatus(
    room.coordinator.call('POST', '/api/v1/registrations', {
      sessionId: room.roster.sessionId,
      displayName: name,
      phone: '0470 12 34 56',
      children: ['2024-03'],
      needs: [],
      locale: language,
      consentMethod: 'in_person',
    }),
    201,
    `registering ${name}`,
  );
  const roster = await expectStatus(
    room.coordinator.call<{ families: Array<{ familyId: string; displayName: string }> }>(
      'GET',
      `/api/v1/sessions/${room.roster.sessionId}/roster`,
    ),
    200,
    'roster',
  );
  const family = roster.families.find((f) => f.displayName === name);
  if (!family) throw new Error('no family on the roster');
  const worker = new ApiSession(baseURL);
  await worker.signIn(room.worker.email, room.worker.password);
  const flag = await expectStatus(
    worker.call<{ id: string }>('POST', '/api/v1/flags', {
      familyId: family.familyId,
      category: 'practical_needs',
      urgency: 'discuss',
      fact: `Mama vertelde over een brief van de huisbaas. ${canary}`,
      discussedWithParent: 'yes',
    }),
    201,
    'flag',
  );
  const { api: admin } = await signInDemoAdmin(baseURL);
  const service = `CAW ${randomBytes(2).toString('hex')}`;
  const made = await expectStatus(
    admin.call<{ id: string }>('POST', '/api/v1/admin/referral-services', {
      name: service,
      kind: 'caw',
      phone: '03 222 22 22',
      address: 'Kerkstraat 1, 9100 Sint-Niklaas',
      intakeChannels: ['secure_link'],
    }),
    201,
    'service',
  );
  const c = room.coordinator;
  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const { id } = await expectStatus(
    c.call<{ id: string }>('POST', '/api/v1/referrals', {
      familyId: family.familyId,
      flagIds: [flag.id],
      serviceId: made.id,
      reason: `Vragen over huur en papieren. ${canary}`,
      familyHopes: 'Hulp met de brieven',
      followUpOn: day(30),
    }),
    201,
    'referral',
  );
  await expectStatus(
    c.call('POST', `/api/v1/referrals/${id}/transitions`, { to: 'discussing', rationale: 'Besproken met mama' }),
    200,
    'discussing',
  );
  await expectStatus(
    c.call('POST', `/api/v1/referrals/${id}/consent`, {
      fields: ['reason', 'parent_words', 'children_ages', 'selected_flags'],
      method: 'parent_link',
      language,
      explainer: 'referral-general@1',
      validUntil: day(90),
    }),
    200,
    'consent',
  );
  const since = new Date(Date.now() - 1000);
  await expectStatus(c.call('POST', `/api/v1/referrals/${id}/parent-link`, { channel: 'sms', language }), 200, 'parent link');
  return { coordinator: c, id, service, token: await parentToken(since) };
}

async function approveAsParent(page: Page, r: Referral, words: { heading: string; approve: string; approved: string }, canary: string) {
  // An older link's ?token= moves into the fragment at once.
  await page.goto(`/doorverwijzing?token=${r.token}`);
  await expect(page).toHaveURL(new RegExp(`/doorverwijzing#token=${r.token}$`));
  await expect(page.getByRole('heading', { level: 1, name: words.heading })).toBeVisible();
  await expect(page.getByText(canary).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the parent sees what will be shared');
  await page.getByRole('button', { name: words.approve }).click();
  await expect(page.getByRole('status')).toContainText(words.approved);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(stored).not.toContain(r.token);
  expect(stored).not.toContain(canary);
}

test.describe('A referral through the parent', () => {
  test.skip(!DB, 'KRING_E2E_DATABASE_URL (the app’s database) is needed to read the parent’s SMS');

  test('should let the parent approve the preview in Dutch, and the service open what was sent', async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const canary = `KANARIE-${randomBytes(4).toString('hex')}`;
    const r = await setUpReferral(baseURL ?? '', 'nl', canary);

    await approveAsParent(
      page,
      r,
      { heading: `Hulp bij ${r.service}`, approve: 'Ja, dit mag gedeeld worden', approved: 'We geven precies dit door.' },
      canary,
    );
    await expect(page.getByText('Je zei: ja, dit mag gedeeld worden.')).toBeVisible();

    // Withdrawing asks first; "Nee" changes nothing.
    await page.getByRole('button', { name: 'Mijn toestemming terugnemen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Je toestemming terugnemen?' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'confirm a withdrawal');
    await page.getByRole('button', { name: 'Nee, laat het zo' }).click();

    // The coordinator sends exactly the approved packet; the service opens it through its link.
    const view = await fetch(`${baseURL}/api/v1/public/referral-link`, { headers: { 'X-Link-Token': r.token } }).then(
      (res) => res.json() as Promise<{ preview: { hash: string } }>,
    );
    const sent = await expectStatus(
      r.coordinator.call<{ serviceLink: { url: string } }>('POST', `/api/v1/referrals/${r.id}/send`, {
        channel: 'secure_link',
        hash: view.preview.hash,
      }),
      200,
      'send',
    );
    const serviceContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const service = await serviceContext.newPage();
    const url = new URL(sent.serviceLink.url);
    await service.goto(`${url.pathname}${url.hash}`);
    await expect(service.getByRole('heading', { level: 1, name: `Doorverwijzing naar ${r.service}` })).toBeVisible();
    await expect(service.getByText(canary).first()).toBeVisible();
    await expect(service.getByRole('button', { name: 'Afdrukken' })).toBeVisible();
    await expectNoSeriousA11yViolations(service, 'the service opens the packet');
    await serviceContext.close();

    // The parent now sees that it was passed on.
    await page.reload();
    await expect(page.getByText('Het is doorgegeven aan de dienst.')).toBeVisible();

    // A link that no longer works says so kindly.
    await page.goto('/doorverwijzing#token=onbekend-onbekend-onbekend-onbekend');
    await expect(page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'an expired parent link');
  });

  test('should show the parent’s page in Arabic, right to left, and take the approval there', async ({ page, baseURL }) => {
    test.setTimeout(180_000);
    const canary = `KANARIE-${randomBytes(4).toString('hex')}`;
    const r = await setUpReferral(baseURL ?? '', 'ar', canary);
    await approveAsParent(
      page,
      r,
      { heading: `مساعدة من ${r.service}`, approve: 'نعم، يمكن مشاركة هذا', approved: 'سنرسل هذا بالضبط.' },
      canary,
    );
    await expect(page.locator('html[dir=rtl][lang=ar]')).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: 'هذا ما ستراه الخدمة' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the approved preview in Arabic');
  });
});
