import { describe, expect, it } from 'vitest';
import { passwordProblems, requiresTwoFactor, signInDelaySeconds } from './auth';

describe('requiresTwoFactor', () => {
  it.each([
    [['admin'], true],
    [['coordinator'], true],
    [['group_worker'], false],
    [['group_worker', 'coordinator'], true],
  ] as const)('should say %j → %s', (roles, expected) => {
    expect(requiresTwoFactor(roles)).toBe(expected);
  });
});

describe('passwordProblems', () => {
  it.each([
    ['een lange zin over koffie', []],
    ['Correct horse battery staple', []],
    ['kort', ['too_short']],
    ['Wachtwoord2026!', ['too_common']],
    ['P@ssw0rd12345', ['too_common']],
    ['keerkring1234', ['too_common']],
    ['aaaaaaaaaaaaaaa', ['too_predictable']],
    ['123456789012', ['too_predictable']],
    ['qwertyuiopasdf', ['too_predictable']],
  ] as const)('should find %j → %j', (password, expected) => {
    expect(passwordProblems(password)).toEqual(expected);
  });

  it('should refuse a password built on the person’s own name or e-mail', () => {
    const person = { email: 'gita.peeters@keerkring.be', displayName: 'Gita Peeters' };
    expect(passwordProblems('peeters-in-de-zon', person)).toEqual(['contains_name']);
    expect(passwordProblems('gitapeeters2026', person)).toContain('contains_name');
    expect(passwordProblems('zon over de schelde', person)).toEqual([]);
  });

  it('should count characters, not bytes, and refuse an absurd length', () => {
    expect(passwordProblems('ééééééabcdefgh')).toEqual([]);
    expect(passwordProblems('x'.repeat(257) + 'abcdef')).toContain('too_long');
  });
});

describe('signInDelaySeconds', () => {
  it.each([
    [0, 0],
    [2, 0],
    [3, 1],
    [4, 2],
    [8, 32],
    [13, 900],
    [50, 900],
  ])('should make the next try after %i failures wait %i s', (failures, seconds) => {
    expect(signInDelaySeconds(failures)).toBe(seconds);
  });

  it('should give an address more free tries than an account', () => {
    expect(signInDelaySeconds(9, 10)).toBe(0);
    expect(signInDelaySeconds(10, 10)).toBe(1);
    expect(signInDelaySeconds(12, 10)).toBe(4);
  });
});
