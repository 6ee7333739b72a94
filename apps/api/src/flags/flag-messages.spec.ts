import { describe, expect, it } from 'vitest';
import { StaffMessageKind, staffMessage } from './flag-messages';

describe(staffMessage.name, () => {
  const to = (locale: string) => ({ id: 's1', email: 'cor@test.kring.be', locale });

  it.each([
    ['nl', 'Er wacht een signaal op je in Kring'],
    ['en', 'A flag is waiting for you in Kring'],
    ['fr', 'Un signalement vous attend dans Kring'],
    ['ar', 'Er wacht een signaal op je in Kring'],
  ])('should say only that a flag waits, in %s, with the link and nothing else', (locale, subject) => {
    const m = staffMessage(StaffMessageKind.FlagWaiting, to(locale), 'https://kring.test/signalen', 'k');
    expect(m).toMatchObject({
      subject,
      body: `${subject}.\n\nhttps://kring.test/signalen`,
      channel: 'email',
      familyId: null,
      key: 'k:email',
    });
  });

  it('should word the review reminder in every staff language', () => {
    const bodies = ['nl', 'en', 'fr'].map((l) => staffMessage(StaffMessageKind.FlagReviewDue, to(l), 'L', 'k').body);
    expect(new Set(bodies).size).toBe(3);
    expect(bodies.every((b) => b.endsWith('\n\nL'))).toBe(true);
  });
});
