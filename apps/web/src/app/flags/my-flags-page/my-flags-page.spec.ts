import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import type { RenderedPage } from '../../../testing/pages';
import { renderPage } from '../../../testing/pages';
import { apiError, makeSession } from '../../../testing/staff';
import { useClockAt } from '../../../testing/clock';
import { CANARY, FLAG_ID, browserStorageText, makeFlagDetail, makeFlagSummary } from '../flags-testing';
import { MyFlagPage } from '../my-flag-page/my-flag-page';
import { MyFlagsPage } from './my-flags-page';

const MINE = '/api/v1/flags/mine';
const OPEN = `/api/v1/flags/${FLAG_ID}/open`;

describe('My flags', () => {
  let page: RenderedPage;
  useClockAt('2026-11-28T09:30:00.000Z');
  afterEach(() => page.http.verify());
  const text = () => page.element.textContent?.replace(/\s+/g, ' ') ?? '';

  describe(MyFlagsPage.name, () => {
    async function open(
      answer = [
        makeFlagSummary(),
        makeFlagSummary({
          id: 'f2',
          family: { id: 'b', displayName: 'Bo' },
          status: 'closed',
          closeReason: 'concern_resolved',
          createdAt: '2026-11-29T09:00:00.000Z',
        }),
      ],
    ) {
      page = await renderPage(MyFlagsPage, { path: 'mijn-signalen', url: '/mijn-signalen', session: makeSession() });
      page.http.expectOne(MINE).flush(answer);
      await page.settle();
    }

    it('should list my flags, newest first, with the kind of concern, the date and where it stands, and no text', async () => {
      await open();
      const cards = [...page.element.querySelectorAll('.card')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim());
      expect(cards).toHaveLength(2);
      expect(cards[0]).toContain('Bo');
      expect(cards[0]).toContain('Afgesloten · De zorg is er niet meer');
      expect(cards[1]).toContain('Ana');
      expect(cards[1]).toContain('Hechting en contact');
      expect(cards[1]).toContain('Nieuw');
      expect(cards[1]).toContain('za 28 nov');
      expect(page.element.querySelector('a[aria-label="Signaal over Ana bekijken"]')?.getAttribute('href')).toBe(
        `/mijn-signalen/${FLAG_ID}`,
      );
    });

    it('should say how to note one when there are none', async () => {
      await open([]);
      expect(text()).toContain('Je noteerde nog geen signalen');
      expect(text()).toContain('‘Meer’ en dan ‘Signaal noteren’');
    });
  });

  describe(MyFlagPage.name, () => {
    async function open() {
      page = await renderPage(MyFlagPage, {
        path: 'mijn-signalen/:flagId',
        url: `/mijn-signalen/${FLAG_ID}`,
        session: makeSession(),
        providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
      });
      page.http.expectOne(MINE).flush([makeFlagSummary()]);
      await page.settle();
    }

    it('should open what I wrote only on a deliberate tap, as my own note, and hide it again', async () => {
      await open();
      expect(page.element.querySelector('h1')?.textContent?.trim()).toBe('Ana');
      expect(text()).not.toContain('Mama hield de baby');
      await page.press('Lees wat ik schreef');
      const request = page.http.expectOne(OPEN);
      expect(request.request.body).toEqual({ purpose: 'own_note' });
      request.flush(makeFlagDetail({ fact: `Wat ik zag ${CANARY}` }));
      await page.settle();
      expect(text()).toContain(`Wat ik zag ${CANARY}`);
      expect(await browserStorageText()).not.toContain(CANARY);
      await page.press('Tekst verbergen');
      expect(text()).not.toContain(CANARY);
    });

    it('should say that two-factor sign-in is needed when the account has none', async () => {
      await open();
      await page.press('Lees wat ik schreef');
      page.http.expectOne(OPEN).flush(
        ...apiError(403, 'step_up_required', {
          fields: [{ field: 'code', code: 'invalid', message: 'code', reason: 'two_factor_not_enrolled' }],
        }),
      );
      await page.settle();
      expect(text()).toContain('heb je tweestapsverificatie nodig');
      expect(document.querySelector('mat-dialog-container')).toBeNull();
    });

    it('should add an amendment without changing what was written', async () => {
      await open();
      await page.press('Aanvulling');
      const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
      expect(dialog.textContent).toContain('Wat er al staat, blijft staan.');
      await page.press('Aanvulling bewaren');
      expect(dialog.textContent).toContain('Schrijf je aanvulling.');
      const field = dialog.querySelector<HTMLTextAreaElement>('textarea');
      if (!field) throw new Error('no text field');
      field.value = 'Mama vertelde dat de baby nu beter slaapt.';
      field.dispatchEvent(new Event('input'));
      await page.press('Aanvulling bewaren');
      const request = page.http.expectOne(`/api/v1/flags/${FLAG_ID}/amendments`);
      expect(request.request.body).toEqual({ field: 'general', text: 'Mama vertelde dat de baby nu beter slaapt.' });
      request.flush({});
      await page.settle();
      expect(document.querySelector('mat-dialog-container')).toBeNull();
    });
  });
});
