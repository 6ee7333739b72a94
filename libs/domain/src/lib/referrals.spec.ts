import { describe, expect, it } from 'vitest';
import {
  CONSENT_FIELDS,
  REFERRAL_STATUSES,
  consentProblem,
  exceptionProblem,
  nextReferralStatuses,
  referralStepEffects,
  referralStepProblem,
  sharedFields,
  type ExceptionRequest,
  type ReferralActor,
  type ReferralConsent,
  type ReferralFacts,
  type ReferralStatus,
  type ReferralStep,
} from './referrals';

const AT = '2026-03-10T09:00:00.000Z';
const ASKER = 'coordinator-a';
const OTHER = 'coordinator-b';
const HASH = 'ab'.repeat(32);

const makeConsent = (overrides: Partial<ReferralConsent> = {}): ReferralConsent => ({
  serviceId: 'service-1',
  fields: ['reason', 'contact_details'],
  method: 'in_person',
  language: 'nl',
  explainer: 'referral-general@1',
  givenAt: '2026-03-09T15:00:00.000Z',
  validUntil: '2026-09-09',
  ...overrides,
});

const makeException = (overrides: Partial<ExceptionRequest> = {}): ExceptionRequest => ({
  legalBasis: 'art_458bis',
  justification: 'Acuut gevaar voor het jongste kind; de ouder is niet bereikbaar.',
  informParent: { inform: true, by: '2026-03-17' },
  fields: ['reason'],
  ...overrides,
});

const makeFacts = (status: ReferralStatus, overrides: Partial<ReferralFacts> = {}): ReferralFacts => ({
  status,
  serviceId: 'service-1',
  consent: makeConsent(),
  exceptionRequestedBy: ASKER,
  approvedPacketHash: HASH,
  ...overrides,
});

const coordinator = (id = OTHER): ReferralActor => ({ kind: 'coordinator', id });

/** A step to `to` with everything its guard needs, by a coordinator who did not ask for the exception. */
const validStep = (to: ReferralStatus, overrides: Partial<ReferralStep> = {}): ReferralStep => ({
  to,
  actor: coordinator(),
  at: AT,
  rationale: 'Besproken met de moeder.',
  consent: makeConsent(),
  exception: makeException(),
  packetHash: HASH,
  outcome: 'support_started',
  outcomeNote: 'Eerste gesprek gehad.',
  ...overrides,
});

/** The state machine, written out here on its own so that a change to the table in referrals.ts shows. */
const ALLOWED: Record<ReferralStatus, ReferralStatus[]> = {
  draft: ['discussing', 'exception_requested', 'withdrawn'],
  discussing: ['consented', 'declined', 'withdrawn'],
  consented: ['sent', 'discussing', 'withdrawn'],
  sent: ['accepted', 'follow_up', 'withdrawn'],
  accepted: ['follow_up', 'withdrawn'],
  follow_up: ['closed', 'withdrawn'],
  declined: ['closed'],
  withdrawn: ['discussing', 'closed'],
  exception_requested: ['exception_approved', 'exception_rejected', 'withdrawn'],
  exception_approved: ['sent', 'withdrawn'],
  exception_rejected: ['draft'],
  closed: [],
};

const allPairs = REFERRAL_STATUSES.flatMap((from) => REFERRAL_STATUSES.map((to) => [from, to] as const));

describe('referral state machine', () => {
  it('should know all twelve states', () => {
    expect([...REFERRAL_STATUSES].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(REFERRAL_STATUSES).toHaveLength(12);
  });

  it.each(allPairs)('%s → %s', (from, to) => {
    const problem = referralStepProblem(makeFacts(from), validStep(to));
    expect(problem).toBe(ALLOWED[from].includes(to) ? null : 'not_allowed');
    expect(nextReferralStatuses(from).includes(to)).toBe(ALLOWED[from].includes(to));
  });

  it('should reach sent only from consented or exception_approved', () => {
    const into = REFERRAL_STATUSES.filter((from) => referralStepProblem(makeFacts(from), validStep('sent')) === null);
    expect(into.sort()).toEqual(['consented', 'exception_approved']);
  });

  it('should let nothing leave closed', () => {
    expect(nextReferralStatuses('closed')).toEqual([]);
  });
});

describe('who may take a step', () => {
  const parent: ReferralActor = { kind: 'parent' };
  const system: ReferralActor = { kind: 'system' };

  it.each(allPairs.filter(([from, to]) => ALLOWED[from].includes(to)))('a parent, %s → %s', (from, to) => {
    const mayWithdraw = to === 'withdrawn' && ['discussing', 'consented', 'sent', 'accepted', 'follow_up'].includes(from);
    expect(referralStepProblem(makeFacts(from), validStep(to, { actor: parent }))).toBe(mayWithdraw ? null : 'actor_not_allowed');
  });

  it.each(allPairs.filter(([from, to]) => ALLOWED[from].includes(to)))('Kring itself, %s → %s', (from, to) => {
    const mayPause = to === 'withdrawn' && from === 'consented';
    expect(referralStepProblem(makeFacts(from), validStep(to, { actor: system }))).toBe(mayPause ? null : 'actor_not_allowed');
  });

  it('should not let a parent withdraw an exception (there is no consent of theirs to take back)', () => {
    expect(referralStepProblem(makeFacts('exception_approved'), validStep('withdrawn', { actor: parent }))).toBe('actor_not_allowed');
  });
});

describe('rationale', () => {
  it.each([
    ['discussing', 'declined'],
    ['consented', 'withdrawn'],
    ['exception_requested', 'exception_approved'],
    ['exception_requested', 'exception_rejected'],
    ['exception_rejected', 'draft'],
    ['withdrawn', 'discussing'],
    ['draft', 'discussing'],
  ] as const)('should ask why for %s → %s', (from, to) => {
    for (const rationale of [undefined, '', '   ']) {
      expect(referralStepProblem(makeFacts(from), validStep(to, { rationale }))).toBe('rationale_required');
    }
  });

  it.each([
    ['sent', 'accepted'],
    ['accepted', 'follow_up'],
    ['discussing', 'consented'],
  ] as const)('should not ask why for %s → %s', (from, to) => {
    expect(referralStepProblem(makeFacts(from), validStep(to, { rationale: undefined }))).toBeNull();
  });
});

describe('granular consent (→ consented)', () => {
  const consenting = (consent: ReferralConsent | undefined) =>
    referralStepProblem(makeFacts('discussing', { consent: null }), validStep('consented', { consent }));

  it('should accept a complete consent for the referral’s own service', () => {
    expect(consenting(makeConsent())).toBeNull();
    for (const method of ['in_person', 'phone', 'parent_link'] as const) expect(consenting(makeConsent({ method }))).toBeNull();
    expect(consenting(makeConsent({ fields: [...CONSENT_FIELDS] }))).toBeNull();
  });

  it.each([
    ['consent_required', undefined],
    ['consent_other_service', makeConsent({ serviceId: 'service-2' })],
    ['consent_fields_required', makeConsent({ fields: [] })],
    ['consent_field_unknown', makeConsent({ fields: ['reason', 'diagnosis' as never] })],
    ['consent_method_unknown', makeConsent({ method: 'by_pigeon' as never })],
    ['consent_language_required', makeConsent({ language: '' as never })],
    ['consent_explainer_required', makeConsent({ explainer: ' ' })],
    ['consent_valid_until_invalid', makeConsent({ validUntil: '2026-02-30' })],
    ['consent_valid_until_invalid', makeConsent({ validUntil: '9 september' })],
    ['consent_valid_until_invalid', makeConsent({ validUntil: '2026-03-08' })],
    ['consent_valid_too_long', makeConsent({ validUntil: '2027-03-10' })],
    ['consent_expired', makeConsent({ givenAt: '2025-06-01T10:00:00.000Z', validUntil: '2026-03-09' })],
  ] as const)('should refuse with %s', (problem, consent) => {
    expect(consenting(consent as ReferralConsent | undefined)).toBe(problem);
  });

  it('should hold through its last day in Brussels and not a minute longer', () => {
    const consent = makeConsent({ validUntil: '2026-03-10' });
    // 22:59 UTC is 23:59 in Brussels (winter time); 23:00 UTC is already the 11th there.
    expect(consentProblem(consent, 'service-1', '2026-03-10T22:59:00.000Z')).toBeNull();
    expect(consentProblem(consent, 'service-1', '2026-03-10T23:00:00.000Z')).toBe('consent_expired');
  });

  it('should allow exactly twelve months', () => {
    expect(consentProblem(makeConsent({ validUntil: '2027-03-09' }), 'service-1', AT)).toBeNull();
  });
});

describe('sending (→ sent)', () => {
  it('should send what was approved, whatever the case of the hex', () => {
    expect(referralStepProblem(makeFacts('consented'), validStep('sent', { packetHash: HASH.toUpperCase() }))).toBeNull();
  });

  it('should refuse when nothing was approved', () => {
    expect(referralStepProblem(makeFacts('consented', { approvedPacketHash: null }), validStep('sent'))).toBe('packet_not_approved');
    expect(referralStepProblem(makeFacts('exception_approved', { approvedPacketHash: null }), validStep('sent'))).toBe(
      'packet_not_approved',
    );
  });

  it('should refuse a packet that changed after approval', () => {
    expect(referralStepProblem(makeFacts('consented'), validStep('sent', { packetHash: 'cd'.repeat(32) }))).toBe('packet_changed');
    expect(referralStepProblem(makeFacts('consented'), validStep('sent', { packetHash: undefined }))).toBe('packet_changed');
    expect(referralStepProblem(makeFacts('exception_approved'), validStep('sent', { packetHash: 'cd'.repeat(32) }))).toBe('packet_changed');
  });

  it('should refuse when the consent ran out before sending, or is gone', () => {
    const expired = makeConsent({ givenAt: '2025-06-01T10:00:00.000Z', validUntil: '2026-03-01' });
    expect(referralStepProblem(makeFacts('consented', { consent: expired }), validStep('sent'))).toBe('consent_expired');
    expect(referralStepProblem(makeFacts('consented', { consent: null }), validStep('sent'))).toBe('consent_required');
  });

  it('should not need consent after an approved exception', () => {
    expect(referralStepProblem(makeFacts('exception_approved', { consent: null }), validStep('sent'))).toBeNull();
  });
});

describe('exceptions (→ exception_requested)', () => {
  const requesting = (exception: ExceptionRequest | undefined, at = AT) =>
    referralStepProblem(
      makeFacts('draft', { consent: null }),
      validStep('exception_requested', { exception, actor: coordinator(ASKER), at }),
    );

  it.each(['state_of_necessity', 'art_458bis', 'court_order'] as const)('should accept the legal basis %s', (legalBasis) => {
    expect(requesting(makeException({ legalBasis }))).toBeNull();
  });

  it('should accept not informing the parent, with a reason', () => {
    expect(requesting(makeException({ informParent: { inform: false, reason: 'Het zou het kind in gevaar brengen.' } }))).toBeNull();
  });

  it.each([
    ['legal_basis_required', undefined],
    ['legal_basis_required', makeException({ legalBasis: '' as never })],
    ['legal_basis_unknown', makeException({ legalBasis: 'gut_feeling' as never })],
    ['justification_required', makeException({ justification: '' })],
    ['justification_required', makeException({ justification: 'Zie dossier.' })],
    ['inform_parent_required', makeException({ informParent: undefined as never })],
    ['inform_by_invalid', makeException({ informParent: { inform: true, by: '' } })],
    ['inform_by_invalid', makeException({ informParent: { inform: true, by: '2026-03-09' } })],
    ['inform_by_invalid', makeException({ informParent: { inform: true, by: '2026-13-01' } })],
    ['not_informing_reason_required', makeException({ informParent: { inform: false, reason: ' ' } })],
    ['exception_fields_required', makeException({ fields: [] })],
    ['consent_field_unknown', makeException({ fields: ['medical_file' as never] })],
  ] as const)('should refuse with %s', (problem, exception) => {
    expect(requesting(exception as ExceptionRequest | undefined)).toBe(problem);
  });

  it('should let the parent be told today', () => {
    expect(exceptionProblem(makeException({ informParent: { inform: true, by: '2026-03-10' } }), AT)).toBeNull();
  });
});

describe('four eyes (→ exception_approved | exception_rejected)', () => {
  it.each(['exception_approved', 'exception_rejected'] as const)('should refuse %s by the coordinator who asked', (to) => {
    expect(referralStepProblem(makeFacts('exception_requested'), validStep(to, { actor: coordinator(ASKER) }))).toBe('same_coordinator');
  });

  it.each(['exception_approved', 'exception_rejected'] as const)('should allow %s by another coordinator', (to) => {
    expect(referralStepProblem(makeFacts('exception_requested'), validStep(to, { actor: coordinator(OTHER) }))).toBeNull();
  });
});

describe('closing (→ closed)', () => {
  it.each(['support_started', 'on_waiting_list', 'not_reached', 'family_declined_there', 'other'] as const)(
    'should close with the outcome %s and a note',
    (outcome) => {
      expect(referralStepProblem(makeFacts('follow_up'), validStep('closed', { outcome }))).toBeNull();
    },
  );

  it.each([
    ['outcome_required', { outcome: undefined }],
    ['outcome_unknown', { outcome: 'lost' as never }],
    ['outcome_note_required', { outcomeNote: undefined }],
    ['outcome_note_required', { outcomeNote: '  ' }],
  ] as const)('should refuse with %s', (problem, overrides) => {
    for (const from of ['follow_up', 'declined', 'withdrawn'] as const) {
      expect(referralStepProblem(makeFacts(from), validStep('closed', overrides))).toBe(problem);
    }
  });
});

describe('referralStepEffects', () => {
  const me = coordinator();

  it('should mark the flags referred when a draft moves towards a service', () => {
    expect(referralStepEffects('draft', 'discussing', me).flagsTo).toBe('referred');
    expect(referralStepEffects('draft', 'exception_requested', me).flagsTo).toBe('referred');
  });

  it('should send the flags back to the coordinator’s follow-up when the parent declines, or a withdrawn referral closes', () => {
    expect(referralStepEffects('discussing', 'declined', me).flagsTo).toBe('in_triage');
    expect(referralStepEffects('withdrawn', 'closed', me).flagsTo).toBe('in_triage');
    expect(referralStepEffects('follow_up', 'closed', me).flagsTo).toBeNull();
  });

  it.each(['sent', 'accepted', 'follow_up'] as const)('should tell the service to stop when withdrawn from %s', (from) => {
    expect(referralStepEffects(from, 'withdrawn', { kind: 'parent' })).toMatchObject({ tellServiceToStop: true, alertCoordinator: true });
  });

  it.each(['draft', 'discussing', 'consented', 'exception_requested', 'exception_approved'] as const)(
    'should not tell any service when withdrawn from %s (nothing was sent)',
    (from) => {
      expect(referralStepEffects(from, 'withdrawn', me)).toMatchObject({ tellServiceToStop: false, dropPacketApproval: true });
    },
  );

  it('should alert the coordinator when the parent or Kring pauses, not when they did it themselves', () => {
    expect(referralStepEffects('consented', 'withdrawn', { kind: 'parent' }).alertCoordinator).toBe(true);
    expect(referralStepEffects('consented', 'withdrawn', { kind: 'system' }).alertCoordinator).toBe(true);
    expect(referralStepEffects('consented', 'withdrawn', me).alertCoordinator).toBe(false);
  });

  it('should drop the packet approval when the talk starts again', () => {
    expect(referralStepEffects('consented', 'discussing', me).dropPacketApproval).toBe(true);
    expect(referralStepEffects('exception_rejected', 'draft', me).dropPacketApproval).toBe(true);
    expect(referralStepEffects('consented', 'sent', me).dropPacketApproval).toBe(false);
  });

  it('should plan the reminder to inform the parent for an approved exception', () => {
    expect(referralStepEffects('exception_requested', 'exception_approved', me, makeException()).remindToInformParentOn).toBe('2026-03-17');
    const silent = makeException({ informParent: { inform: false, reason: 'Gevaar voor het kind.' } });
    expect(referralStepEffects('exception_requested', 'exception_approved', me, silent).remindToInformParentOn).toBeNull();
    expect(referralStepEffects('exception_requested', 'exception_rejected', me, makeException()).remindToInformParentOn).toBeNull();
  });
});

describe('sharedFields', () => {
  it('should take the consent’s fields, in checklist order', () => {
    expect(sharedFields({ consent: makeConsent({ fields: ['selected_flags', 'reason'] }), exception: null })).toEqual([
      'reason',
      'selected_flags',
    ]);
  });

  it('should take an exception’s fields when there is no consent, and nothing when there is neither', () => {
    expect(sharedFields({ consent: null, exception: makeException({ fields: ['children_ages'] }) })).toEqual(['children_ages']);
    expect(sharedFields({ consent: null, exception: null })).toEqual([]);
  });
});
