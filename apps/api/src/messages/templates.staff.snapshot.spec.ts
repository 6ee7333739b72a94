import { describe, expect, it } from 'vitest';
import { LOCALES } from '@kring/domain';
import { staffMessage, StaffMessageKind } from '../flags/flag-messages';
import { parentLinkMessage, serviceLinkMessage, serviceStopMessage, staffReferralMessage } from '../referrals/referral-messages';

/** The flags' and referrals' messages as rendered, kept in a file (see templates.snapshot.spec.ts). */
describe('rendered flag and referral texts', () => {
  it('should render every kind and locale as in the snapshot file', async () => {
    const all: Record<string, unknown> = {};
    const staffLocales = ['nl', 'en', 'fr', 'ar', 'de'];
    for (const kind of Object.values(StaffMessageKind))
      for (const locale of staffLocales)
        all[`${kind} ${locale}`] = staffMessage(kind, { id: 's1', email: 'an@kring.test', locale }, 'https://kring.test/signalen', 'k');
    for (const kind of ['staff_referral_attention', 'staff_referral_follow_up', 'staff_referral_inform_parent'] as const)
      for (const locale of staffLocales)
        all[`${kind} ${locale}`] = staffReferralMessage(
          kind,
          { email: 'an@kring.test', locale },
          'https://kring.test/doorverwijzingen',
          'k',
        );
    for (const locale of LOCALES)
      for (const channel of ['email', 'sms'] as const)
        all[`referral_parent_link ${locale} ${channel}`] = parentLinkMessage(
          { familyId: 'f1', channel, recipient: 'x', locale },
          'https://kring.test/doorverwijzing#t=1',
          'k',
        );
    all['referral_service_link'] = serviceLinkMessage(
      { email: 'dienst@test' },
      'https://kring.test/doorverwijzing-dienst#t=2',
      '2027-03-09',
      'k',
    );
    all['referral_service_stop'] = serviceStopMessage({ email: 'dienst@test' }, 'ref-123', 'k');
    await expect(JSON.stringify(all, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/templates.staff.texts.json');
  });
});
