import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import type { Locale, SubjectAccessExport } from '@kring/domain';
import { visualRuns } from './pdf-writer';
import { renderSubjectAccessPdf } from './subject-access-pdf';

const sample = (locale: Locale, displayName: string): SubjectAccessExport => ({
  generatedAt: '2026-03-02T10:00:00.000Z',
  locale,
  family: {
    id: 'f',
    displayName,
    phone: '+32470111111',
    email: 'amal@example.test',
    locale,
    discreet: false,
    code: 'AB12CD',
    createdAt: '2026-01-05T09:00:00.000Z',
  },
  children: [{ month: '2025-10' }],
  consents: [{ purpose: 'registration', noticeVersion: '2026-01', locale, givenAt: '2026-01-05T09:00:00.000Z', method: 'online' }],
  enrolments: [],
  registrations: [
    {
      groupTitle: 'Babymassage',
      sessionStartsAt: '2026-02-10T09:30:00.000Z',
      status: 'confirmed',
      seats: 1,
      childrenComing: 1,
      needs: [],
      source: 'parent',
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    },
  ],
  attendance: [
    { groupTitle: 'Babymassage', sessionStartsAt: '2026-02-10T09:30:00.000Z', status: 'present', recordedAt: '2026-02-10T10:00:00.000Z' },
  ],
  messages: [
    {
      kind: 'registration_confirmed',
      channel: 'sms',
      locale,
      status: 'sent',
      createdAt: '2026-01-05T09:00:00.000Z',
      sentAt: '2026-01-05T09:00:05.000Z',
      subject: null,
      body: 'Welkom bij Kring',
      erasedAt: null,
    },
  ],
  flags: [
    {
      category: 'parent_wellbeing',
      urgency: 'discuss',
      status: 'open',
      createdAt: '2026-02-10T11:00:00.000Z',
      reviewBy: '2026-02-24',
      closeReason: null,
      erased: false,
      session: null,
      fact: 'Mama slaapt slecht sinds de geboorte.',
      interpretation: null,
      strengths: 'Ze vraagt zelf om hulp.',
      parentWords: null,
      discussedWithParent: 'yes',
      notDiscussedReason: null,
      amendments: [{ field: 'fact', text: 'Papa helpt nu ’s nachts.', at: '2026-02-12T11:00:00.000Z' }],
      statusChanges: [],
    },
  ],
  referrals: [],
  legalHolds: [],
  accessLog: [{ at: '2026-03-02T10:00:00.000Z', record: 'family', purpose: 'subject_access' }],
});

const textOf = async (pdf: Buffer): Promise<string> => {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
};

describe('subject-access PDF', () => {
  it('should write the family’s name and their data in Dutch', async () => {
    const pdf = await renderSubjectAccessPdf(sample('nl', 'Gezin Amal'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Dit bewaren we over jullie');
    expect(text).toContain('Gezin Amal');
    expect(text).toContain('Mama slaapt slecht sinds de geboorte.');
    expect(text).toContain('jullie vraag om inzage');
  }, 30_000);

  it('should write Arabic right to left, with the family’s name extractable', async () => {
    const text = await textOf(await renderSubjectAccessPdf(sample('ar', 'عائلة أمل')));
    // Text extraction gives a right-to-left line's words in the order they stand on the page (right to left read
    // backwards), each word itself in reading order (spaces may go missing): so each word is checked on its own.
    expect(text).toContain('عائلة');
    expect(text).toContain('أمل');
    const squeezed = text.replace(/\s+/g, '');
    for (const word of 'هذا ما نحتفظ به عنكم'.split(' ')) expect(squeezed).toContain(word);
    expect(text).toContain('+32470111111');
    expect(text).toContain('Mama slaapt slecht sinds de geboorte');
  }, 30_000);

  it('should put runs in visual order: Latin inside Arabic keeps its own order, Arabic runs come right to left', () => {
    const runs = visualRuns('الاسم: Gezin Amal', true);
    // Left to right on the page: the Latin name, then the colon (drawn by us), then the Arabic label (fontkit lays it out).
    expect(runs.map((r) => r.text.trim()).filter(Boolean)).toEqual(['Gezin Amal', ':', 'الاسم']);
    expect(runs.find((r) => r.text.includes('الاسم'))?.arabic).toBe(true);
    expect(visualRuns('Naam: Gezin Amal', false).map((r) => r.text)).toEqual(['Naam: Gezin Amal']);
  });
});
