import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { FamilyFlagChronology } from '@kring/domain';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { makeSession } from '../../../testing/staff';
import { useClockAt } from '../../../testing/clock';
import { AUTHOR, CANARY, FAMILY_ID, FLAG_ID, browserStorageText, makeFlagDetail, makeFlagSummary } from '../flags-testing';
import { FamilyChronologyPage } from './family-chronology-page';

const CHRONOLOGY = `/api/v1/families/${FAMILY_ID}/flag-chronology`;
const COORDINATOR = { id: '0b6f2f3e-1c0a-4a52-9a51-5c3d7e1f0c01', displayName: 'Chris Coördinator' };

describe(FamilyChronologyPage.name, () => {
  let page: RenderedPage;
  useClockAt('2026-11-28T09:30:00.000Z');
  afterEach(() => page.http.verify());
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  async function open(): Promise<void> {
    page = await renderPage(FamilyChronologyPage, {
      path: 'signalen/gezin/:familyId',
      url: `/signalen/gezin/${FAMILY_ID}`,
      session: makeSession({ user: { roles: ['coordinator'] }, twoFactor: { enrolled: true, required: true } }),
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const lists = await vi.waitFor(() => {
      const requests = page.http.match((r) => r.url === '/api/v1/flags');
      if (requests.length < 2) throw new Error('waiting for both lists');
      return requests;
    });
    for (const request of lists) {
      expect(request.request.params.get('familyId')).toBe(FAMILY_ID);
      request.flush(
        request.request.params.get('status') === 'closed'
          ? [makeFlagSummary({ id: 'old', status: 'closed', category: 'practical_needs' })]
          : [makeFlagSummary()],
      );
    }
    await page.settle();
  }

  it('should list the family’s flags without text, running and closed, and open every step in order with a purpose', async () => {
    await open();
    expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Tijdlijn van Ana');
    const items = [...page.element.querySelectorAll('ul.flags li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items).toHaveLength(2);
    expect(items[1]).toContain('Praktische noden · Afgesloten');

    [...page.element.querySelectorAll<HTMLElement>('mat-radio-button')]
      .find((r) => r.textContent?.includes('Een ouder vraagt wat we over hen bijhouden'))
      ?.querySelector('input')
      ?.click();
    await page.settle();
    await page.press('Tijdlijn openen');
    const request = page.http.expectOne(CHRONOLOGY);
    expect(request.request.body).toEqual({ purpose: 'subject_access' });
    const flag = makeFlagDetail({ fact: `Wat ik zag ${CANARY}` });
    const answer: FamilyFlagChronology = {
      family: { id: FAMILY_ID, displayName: 'Ana' },
      flags: [flag],
      events: [
        {
          at: '2026-11-28T11:00:00.000Z',
          flagId: FLAG_ID,
          kind: 'transition',
          actor: COORDINATOR,
          transition: {
            kind: 'status',
            from: 'open',
            to: 'in_triage',
            rationale: 'Ik bel mama.',
            actor: COORDINATOR,
            at: '2026-11-28T11:00:00.000Z',
            reviewBy: null,
            closeReason: null,
          },
        },
        { at: '2026-11-28T09:30:00.000Z', flagId: FLAG_ID, kind: 'logged', actor: AUTHOR },
        {
          at: '2026-11-28T10:00:00.000Z',
          flagId: FLAG_ID,
          kind: 'amended',
          actor: AUTHOR,
          amendment: { id: 'a1', field: 'strengths', text: 'Ze zingt voor hem.', author: AUTHOR, at: '2026-11-28T10:00:00.000Z' },
        },
      ],
    };
    request.flush(answer);
    await page.settle();

    const events = [...page.element.querySelectorAll('ol.events > li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(events).toHaveLength(3);
    expect(events[0]).toContain('Gita Peeters');
    expect(events[0]).toContain('Signaal genoteerd: Hechting en contact, Graag bespreken');
    expect(events[0]).toContain(`Wat ik zag ${CANARY}`);
    expect(events[1]).toContain('Aanvulling: Wat goed gaat');
    expect(events[1]).toContain('Ze zingt voor hem.');
    expect(events[2]).toContain('Chris Coördinator');
    expect(events[2]).toContain('Nieuwe stand van zaken: Wordt bekeken');
    expect(events[2]).toContain('Ik bel mama.');
    expect(await browserStorageText()).not.toContain(CANARY);

    await page.press('Tekst verbergen');
    expect(text()).not.toContain(CANARY);
  });
});
