import { describe, expect, it } from 'vitest';
import { LOCALES } from '@kring/domain';
import { parentLinkMessage, serviceLinkMessage, serviceStopMessage, staffReferralMessage } from './referral-messages';

const LINK = 'https://kring.test/doorverwijzing#token=abc';

describe('referral messages', () => {
  it('should say to staff, in their language, only that a referral needs attention, with the link', () => {
    for (const locale of ['nl', 'en', 'fr', 'de']) {
      for (const kind of ['staff_referral_attention', 'staff_referral_follow_up', 'staff_referral_inform_parent'] as const) {
        const m = staffReferralMessage(kind, { email: 'c@kring.test', locale }, 'https://kring.test/doorverwijzingen', 'k');
        expect(m.body).toBe(`${m.subject}.\n\nhttps://kring.test/doorverwijzingen`);
        expect(m.locale).toBe(locale === 'de' ? 'nl' : locale);
        expect(m.familyId).toBeNull();
      }
    }
  });

  it('should give the parent the link in their language and channel, and nothing else', () => {
    for (const locale of LOCALES) {
      const m = parentLinkMessage({ familyId: 'f', channel: 'sms', recipient: '+32470000000', locale }, LINK, 'k');
      expect(m.body.endsWith(`\n\n${LINK}`)).toBe(true);
      expect(m.body.split('\n\n')).toHaveLength(2);
      expect(m.subject).toBeNull();
      expect(m.key).toBe('k:sms');
    }
    expect(parentLinkMessage({ familyId: 'f', channel: 'email', recipient: 'p@x.test', locale: 'ar' }, LINK, 'k').subject).toMatch(/كرينغ/);
  });

  it('should give the service the link and its expiry, or the reference to stop using, never content', () => {
    expect(serviceLinkMessage({ email: 's@x.test' }, LINK, '2030-01-15', 'k').body).toContain('2030-01-15');
    const stop = serviceStopMessage({ email: 's@x.test' }, '6f1c0b1e-0000-4000-8000-000000000000', 'k');
    expect(stop.body).toContain('6f1c0b1e-0000-4000-8000-000000000000');
    expect(stop.familyId).toBeNull();
  });
});
