import { describe, expect, it } from 'vitest';
import { defaultReviewBy, FLAG_CLOSE_REASONS, flagTransitionProblem, nextFlagStatuses, type FlagStatus } from './flags';
import {
  auditPurpose,
  flagDay,
  flagDraftProblems,
  flagExpiresOn,
  isFlagDue,
  isFlagExpired,
  isSteppedUp,
  readPurposeProblem,
  reconfirmProblem,
  reviewDateProblem,
  stepUpValidUntil,
} from './flags-rules';

describe('flag transitions', () => {
  it.each<[FlagStatus, FlagStatus]>([
    ['open', 'in_triage'],
    ['open', 'closed'],
    ['in_triage', 'watchful_waiting'],
    ['in_triage', 'referred'],
    ['watchful_waiting', 'in_triage'],
    ['referred', 'in_triage'],
  ])('should allow %s → %s', (from, to) => {
    expect(nextFlagStatuses(from)).toContain(to);
  });

  it('should refuse anything out of closed, and a move to where it already is', () => {
    expect(nextFlagStatuses('closed')).toEqual([]);
    expect(flagTransitionProblem('closed', { to: 'open', rationale: 'x' })).toBe('not_allowed');
    expect(flagTransitionProblem('in_triage', { to: 'in_triage', rationale: 'x' })).toBe('not_allowed');
    expect(flagTransitionProblem('in_triage', { to: 'open', rationale: 'x' })).toBe('not_allowed');
  });

  it('should ask for a rationale, a review date for watchful waiting and a reason for closing', () => {
    expect(flagTransitionProblem('open', { to: 'in_triage', rationale: '  ' })).toBe('rationale_required');
    expect(flagTransitionProblem('open', { to: 'watchful_waiting', rationale: 'r' })).toBe('review_date_required');
    expect(flagTransitionProblem('open', { to: 'closed', rationale: 'r' })).toBe('close_reason_required');
    expect(flagTransitionProblem('open', { to: 'closed', rationale: 'r', closeReason: 'expired' })).toBe('close_reason_reserved');
    expect(flagTransitionProblem('open', { to: 'closed', rationale: 'r', closeReason: 'support_in_place' })).toBeNull();
    expect(flagTransitionProblem('in_triage', { to: 'watchful_waiting', rationale: 'r', reviewBy: '2026-05-01' })).toBeNull();
  });

  it('should keep expired out of the reasons a person may choose', () => {
    expect(FLAG_CLOSE_REASONS).not.toContain('expired');
    expect(FLAG_CLOSE_REASONS).toContain('other');
  });
});

describe('review dates', () => {
  it('should default by urgency: urgent 2 days, discuss 14, note 42', () => {
    expect(defaultReviewBy('urgent', '2026-03-30')).toBe('2026-04-01');
    expect(defaultReviewBy('discuss', '2026-12-25')).toBe('2027-01-08');
    expect(defaultReviewBy('note', '2026-01-01')).toBe('2026-02-12');
  });

  it('should take the Brussels day, also just after midnight there', () => {
    expect(flagDay(new Date('2026-03-09T23:30:00Z'))).toBe('2026-03-10');
    expect(flagDay(new Date('2026-07-09T21:59:00Z'))).toBe('2026-07-09');
  });

  it('should refuse a review date in the past, past the expiry, or not a day', () => {
    expect(reviewDateProblem('reviewBy', '2026-03-09', '2026-03-10')).toEqual({ field: 'reviewBy', reason: 'review_date_past' });
    expect(reviewDateProblem('reviewBy', '2027-03-11', '2026-03-10')).toEqual({ field: 'reviewBy', reason: 'review_date_too_far' });
    expect(reviewDateProblem('reviewBy', '2026-02-30', '2026-01-10')).toEqual({ field: 'reviewBy', reason: 'not_a_date' });
    expect(reviewDateProblem('reviewBy', '2027-03-10', '2026-03-10')).toBeNull();
    expect(reviewDateProblem('reviewBy', undefined, '2026-03-10')).toBeNull();
  });

  it('should call a flag due past its review date while it waits for a decision', () => {
    expect(isFlagDue('open', '2026-03-09', '2026-03-10')).toBe(true);
    expect(isFlagDue('watchful_waiting', '2026-03-09', '2026-03-10')).toBe(true);
    expect(isFlagDue('open', '2026-03-10', '2026-03-10')).toBe(false);
    expect(isFlagDue('closed', '2026-03-09', '2026-03-10')).toBe(false);
    expect(isFlagDue('referred', '2026-03-09', '2026-03-10')).toBe(false);
  });
});

describe('a new flag', () => {
  const draft = { familyId: 'f', category: 'bonding', urgency: 'note', fact: 'Zag iets', discussedWithParent: 'yes' } as const;

  it('should need a fact that says something, and a reason when it was not discussed', () => {
    expect(flagDraftProblems(draft, '2026-03-10')).toEqual([]);
    expect(flagDraftProblems({ ...draft, fact: '   ', discussedWithParent: 'no' }, '2026-03-10')).toEqual([
      { field: 'fact', reason: 'required' },
      { field: 'notDiscussedReason', reason: 'not_discussed_reason_required' },
    ]);
    expect(flagDraftProblems({ ...draft, discussedWithParent: 'no', notDiscussedReason: 'Niet het moment' }, '2026-03-10')).toEqual([]);
    expect(flagDraftProblems({ ...draft, reviewBy: '2026-03-01' }, '2026-03-10')).toEqual([
      { field: 'reviewBy', reason: 'review_date_past' },
    ]);
  });
});

describe('expiry', () => {
  it('should expire twelve months after the last review, not a day sooner, unless closed', () => {
    expect(flagExpiresOn('2026-03-10')).toBe('2027-03-10');
    const reviewed = new Date('2026-03-10T10:00:00Z');
    expect(isFlagExpired('watchful_waiting', reviewed, new Date('2027-03-09T22:59:00Z'))).toBe(false);
    expect(isFlagExpired('watchful_waiting', reviewed, new Date('2027-03-09T23:00:00Z'))).toBe(true);
    expect(isFlagExpired('open', reviewed, new Date('2028-01-01T00:00:00Z'))).toBe(true);
    expect(isFlagExpired('closed', reviewed, new Date('2028-01-01T00:00:00Z'))).toBe(false);
  });

  it('should re-confirm only a flag still going, with a reason', () => {
    expect(reconfirmProblem('closed', { reason: 'nog steeds' }, '2026-03-10')).toBe('closed');
    expect(reconfirmProblem('open', { reason: ' ' }, '2026-03-10')).toEqual({ field: 'reason', reason: 'required' });
    expect(reconfirmProblem('referred', { reason: 'loopt', reviewBy: '2026-04-01' }, '2026-03-10')).toBeNull();
    expect(reconfirmProblem('open', { reason: 'loopt', reviewBy: '2026-03-01' }, '2026-03-10')).toEqual({
      field: 'reviewBy',
      reason: 'review_date_past',
    });
  });
});

describe('opening text', () => {
  it('should need a word with other, and keep own_note for the author', () => {
    expect(readPurposeProblem({ purpose: 'other' }, false)).toEqual({ field: 'purposeNote', reason: 'purpose_note_required' });
    expect(readPurposeProblem({ purpose: 'other', purposeNote: 'overleg' }, false)).toBeNull();
    expect(readPurposeProblem({ purpose: 'own_note' }, false)).toEqual({ field: 'purpose', reason: 'own_note_not_author' });
    expect(readPurposeProblem({ purpose: 'own_note' }, true)).toBeNull();
    expect(readPurposeProblem({ purpose: 'triage' }, false)).toBeNull();
    expect(auditPurpose({ purpose: 'other', purposeNote: ' overleg ' })).toBe('other: overleg');
    expect(auditPurpose({ purpose: 'triage', purposeNote: 'ignored' })).toBe('triage');
  });

  it('should hold a step-up for fifteen minutes, not longer', () => {
    const at = new Date('2026-03-10T10:00:00Z');
    expect(stepUpValidUntil(at).toISOString()).toBe('2026-03-10T10:15:00.000Z');
    expect(isSteppedUp(at, new Date('2026-03-10T10:14:59Z'))).toBe(true);
    expect(isSteppedUp(at, new Date('2026-03-10T10:15:00Z'))).toBe(false);
    expect(isSteppedUp(null, at)).toBe(false);
    // A step-up "from the future" (a clock that went back) does not count.
    expect(isSteppedUp(at, new Date('2026-03-10T09:59:00Z'))).toBe(false);
  });
});
