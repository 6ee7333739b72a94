import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { makeAuditEvent } from '../../testing/staff';
import { provideTranslateTesting } from '../../testing/translate-testing';
import { translator } from './audit-details/audit-details';
import type { Translate } from './audit-describe';
import { describeAction, describeDetails, describeRecord } from './audit-describe';

describe('Audit in plain words', () => {
  let t: Translate;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideTranslateTesting()] });
    t = translator(TestBed.inject(TranslateService));
  });

  it.each([
    ['auth.sign_in.succeeded', 'Aangemeld'],
    ['auth.two_factor.recovery_code_used', 'Herstelcode gebruikt'],
    ['staff.created', 'Account gemaakt'],
    ['record.read', 'Gegevens bekeken'],
    ['something.new', 'something.new'],
  ])('should say %s as "%s"', (action, expected) => {
    expect(describeAction(action, t)).toBe(expected);
  });

  it('should name the account an event is about, or show a short id', () => {
    const names = new Map([['7a1c3d2e-5f60-4b7a-8c9d-0e1f2a3b4c01', 'Gita Peeters']]);

    expect(describeRecord(makeAuditEvent(), t, names)).toBe('Account: Gita Peeters');
    expect(describeRecord(makeAuditEvent({ entity: 'staff_session', entityId: 'c5bdb325-0000' }), t, names)).toBe('Sessie: c5bdb325');
    expect(describeRecord(makeAuditEvent({ entity: null, entityId: null }), t, names)).toBe('');
  });

  it('should translate the details people need, and hide internal references', () => {
    const event = makeAuditEvent({
      action: 'auth.sign_in.failed',
      details: { reason: 'wrong_password', link: 'internal-id', from: ['group_worker'], to: ['coordinator', 'admin'] },
      purpose: 'Opvolging gezin',
    });

    expect(describeDetails(event, t)).toEqual([
      { label: 'Reden', value: 'verkeerd wachtwoord' },
      { label: 'Van', value: 'Groepswerker' },
      { label: 'Naar', value: 'Coördinator, Beheerder' },
      { label: 'Waarom', value: 'Opvolging gezin' },
      { label: 'IP-adres', value: '127.0.0.1' },
    ]);
  });

  it('should still show details it has no words for', () => {
    expect(describeDetails(makeAuditEvent({ details: { mystery: 3 }, ip: null }), t)).toEqual([{ label: 'mystery', value: '3' }]);
  });
});
