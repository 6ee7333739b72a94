import { FormControl } from '@angular/forms';
import type { StaffRegisterAnswers } from './register-form';
import { childRow, emailOrEmpty, phoneOrEmpty, placeFieldErrors, toStaffRequest } from './register-form';

const answers = (overrides: Partial<StaffRegisterAnswers> = {}): StaffRegisterAnswers => ({
  target: 'session',
  displayName: '  Sara ',
  phone: '',
  email: '',
  locale: 'nl',
  children: [{ month: '', year: '' }],
  childrenComing: 0,
  needs: { childcare: false, interpreter: false, accessibility: false },
  consentMethod: 'phone',
  ...overrides,
});

describe('The staff registration form', () => {
  const session = { id: 's1', groupId: 'g1' };

  it('should ask for this session with only what was filled in', () => {
    expect(toStaffRequest(answers(), session)).toEqual({
      sessionId: 's1',
      displayName: 'Sara',
      children: [],
      childrenComing: 0,
      needs: [],
      locale: 'nl',
      consentMethod: 'phone',
    });
  });

  it('should ask for the whole series with the children, how many come and the needs when they are given', () => {
    const request = toStaffRequest(
      answers({
        target: 'series',
        phone: '0470 12 34 56',
        children: [
          { month: '03', year: '2025' },
          { month: '', year: '' },
          { month: '11', year: '2022' },
        ],
        childrenComing: 2,
        needs: { childcare: true, interpreter: false, accessibility: true },
        consentMethod: 'in_person',
      }),
      session,
    );
    expect(request).toMatchObject({
      groupId: 'g1',
      phone: '0470 12 34 56',
      children: ['2025-03', '2022-11'],
      childrenComing: 2,
      needs: ['childcare', 'accessibility'],
      consentMethod: 'in_person',
    });
    expect(request.sessionId).toBeUndefined();
  });

  it('should put the API’s field errors next to the right field, a child on the row it came from', () => {
    const children = [
      { month: '', year: '' },
      { month: '01', year: '2026' },
    ];
    expect(
      placeFieldErrors(
        [
          { field: 'phone', code: 'invalid', message: '' },
          { field: 'children.0', code: 'invalid', message: '' },
          { field: 'website', code: 'invalid', message: '' },
        ],
        children,
      ),
    ).toEqual([
      { path: 'phone', key: 'registrations.register.errors.phone' },
      { path: 'children.1', key: 'registrations.register.errors.child' },
      { path: '', key: 'registrations.register.errors.checkFields' },
    ]);
  });

  it('should accept an empty phone or e-mail and refuse a wrong one', () => {
    expect(phoneOrEmpty(new FormControl('', { nonNullable: true }))).toBeNull();
    expect(phoneOrEmpty(new FormControl('0470 12 34 56', { nonNullable: true }))).toBeNull();
    expect(phoneOrEmpty(new FormControl('12', { nonNullable: true }))).toEqual({ invalid: 'registrations.register.errors.phone' });
    expect(emailOrEmpty(new FormControl('naam@voorbeeld', { nonNullable: true }))).toEqual({
      invalid: 'registrations.register.errors.email',
    });
  });

  it('should want a child’s month and year together, within the range the API takes', () => {
    const check = childRow(() => new Date('2026-11-28T10:00:00Z'));
    expect(check(new FormControl({ month: '', year: '' }, { nonNullable: true }))).toBeNull();
    expect(check(new FormControl({ month: '05', year: '2025' }, { nonNullable: true }))).toBeNull();
    expect(check(new FormControl({ month: '05', year: '' }, { nonNullable: true }))).not.toBeNull();
    expect(check(new FormControl({ month: '05', year: '2030' }, { nonNullable: true }))).not.toBeNull();
  });
});
