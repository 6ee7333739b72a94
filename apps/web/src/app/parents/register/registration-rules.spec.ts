import type { Answers } from './registration-rules';
import { apiFieldErrors, firstStepWithErrors, givenChildren, stepErrors, toRequest } from './registration-rules';

const TODAY = new Date('2026-11-28T10:00:00Z');

function makeAnswers(overrides: Partial<Answers> = {}): Answers {
  return {
    displayName: 'Sara',
    channel: 'phone',
    phone: '0470 12 34 56',
    email: '',
    children: [{ month: '05', year: '2026' }],
    childrenComing: 0,
    needs: [],
    discreet: false,
    consent: true,
    ...overrides,
  };
}

describe(stepErrors.name, () => {
  it.each<[string, Parameters<typeof stepErrors>[0], Partial<Answers>, Record<string, string>]>([
    ['the name is empty', 'name', { displayName: '  ' }, { displayName: 'parents.register.errors.nameRequired' }],
    ['the name is too long', 'name', { displayName: 'x'.repeat(61) }, { displayName: 'parents.register.errors.nameTooLong' }],
    ['the phone is empty', 'contact', { phone: '' }, { phone: 'parents.register.errors.phoneRequired' }],
    ['the phone cannot get an SMS', 'contact', { phone: '0470 12' }, { phone: 'parents.register.errors.phoneInvalid' }],
    ['the e-mail is not one', 'contact', { channel: 'email', email: 'sara@' }, { email: 'parents.register.errors.emailInvalid' }],
    [
      'only the month of a child is given',
      'children',
      { children: [{ month: '05', year: '' }] },
      { 'children.0': 'parents.register.errors.childIncomplete' },
    ],
    [
      'a child is born too long ago',
      'children',
      { children: [{ month: '01', year: '2007' }] },
      { 'children.0': 'parents.register.errors.childOutOfRange' },
    ],
    [
      'a due month is too far ahead',
      'children',
      { children: [{ month: '12', year: '2027' }] },
      { 'children.0': 'parents.register.errors.childOutOfRange' },
    ],
    [
      'more children come than were given',
      'children',
      { childrenComing: 2 },
      { childrenComing: 'parents.register.errors.childrenComingTooMany' },
    ],
    ['there is no yes to the privacy notice', 'consent', { consent: false }, { consent: 'parents.register.errors.consentRequired' }],
  ])('should ask for another look when %s', (_case, step, overrides, expected) => {
    expect(stepErrors(step, makeAnswers(overrides), TODAY)).toEqual(expected);
  });

  it.each<[string, Parameters<typeof stepErrors>[0], Partial<Answers>]>([
    ['a nickname is given', 'name', { displayName: 'Mama Sara' }],
    ['a Belgian mobile number is typed with spaces', 'contact', { phone: '0470 12 34 56' }],
    ['an e-mail is chosen instead of a phone', 'contact', { channel: 'email', phone: '', email: 'sara@voorbeeld.be' }],
    ['no child is given', 'children', { children: [{ month: '', year: '' }] }],
    ['a baby is due next spring', 'children', { children: [{ month: '04', year: '2027' }] }],
    ['no need is chosen', 'needs', {}],
  ])('should let the parent go on when %s', (_case, step, overrides) => {
    expect(stepErrors(step, makeAnswers(overrides), TODAY)).toEqual({});
  });
});

describe(apiFieldErrors.name, () => {
  it('should put a refused child on the form row it came from, skipping empty rows', () => {
    const answers = makeAnswers({
      children: [
        { month: '', year: '' },
        { month: '03', year: '2025' },
      ],
    });

    expect(apiFieldErrors([{ field: 'children.0', code: 'invalid', message: 'x' }], answers)).toEqual({
      'children.1': 'parents.register.errors.childOutOfRange',
    });
  });

  it('should put "no contact" on the channel the parent chose and say each field in our words', () => {
    const errors = apiFieldErrors(
      [
        { field: 'contact', code: 'required', message: 'x' },
        { field: 'consentGiven', code: 'required', message: 'x' },
      ],
      makeAnswers({ channel: 'email' }),
    );

    expect(errors).toEqual({ email: 'parents.register.errors.emailRequired', consent: 'parents.register.errors.consentAgain' });
    expect(firstStepWithErrors(errors)).toBe('contact');
  });
});

describe(toRequest.name, () => {
  const target = { groupId: 'g1', sessionId: null };
  const extra = { locale: 'ar', noticeVersion: '2026-11', website: '' };

  it('should send the whole series, the phone only and the given children', () => {
    const request = toRequest(
      makeAnswers({
        email: 'left@over.be',
        children: [
          { month: '5', year: '2026' },
          { month: '', year: '' },
        ],
        needs: ['interpreter'],
      }),
      target,
      extra,
    );

    expect(request).toEqual({
      groupId: 'g1',
      displayName: 'Sara',
      phone: '0470 12 34 56',
      children: ['2026-05'],
      needs: ['interpreter'],
      locale: 'ar',
      discreet: false,
      consentNoticeVersion: '2026-11',
      consentGiven: true,
      website: '',
    });
  });

  it('should send one session and the e-mail only when the parent prefers e-mail', () => {
    const request = toRequest(makeAnswers({ channel: 'email', email: ' sara@voorbeeld.be ' }), { groupId: 'g1', sessionId: 's1' }, extra);

    expect(request.sessionId).toBe('s1');
    expect(request.groupId).toBeUndefined();
    expect(request.email).toBe('sara@voorbeeld.be');
    expect(request.phone).toBeUndefined();
  });

  it('should list the children that were given with the row they came from', () => {
    expect(
      givenChildren([
        { month: '', year: '' },
        { month: '11', year: '2024' },
      ]),
    ).toEqual([{ row: 1, month: '2024-11' }]);
  });
});
