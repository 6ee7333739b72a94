import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { FieldError, Need, StaffRegisterRequest } from '@kring/domain';
import { NEEDS, isChildMonth, isEmailAddress, normalizePhone } from '@kring/domain';
import type { ChildAnswer } from '../../parents/register/registration-rules';
import { givenChildren } from '../../parents/register/registration-rules';

/** What the staff form holds. */
export interface StaffRegisterAnswers {
  target: 'session' | 'series';
  displayName: string;
  phone: string;
  email: string;
  locale: string;
  children: readonly ChildAnswer[];
  childrenComing: number;
  needs: Readonly<Record<Need, boolean>>;
  consentMethod: '' | 'in_person' | 'phone';
}

const ERR = 'registrations.register.errors';

/** A mobile number we can text, or nothing. */
export function phoneOrEmpty(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || normalizePhone(value) ? null : { invalid: `${ERR}.phone` };
}

/** An e-mail address, or nothing. */
export function emailOrEmpty(control: AbstractControl<string>): ValidationErrors | null {
  const value = control.value.trim();
  return value === '' || isEmailAddress(value) ? null : { invalid: `${ERR}.email` };
}

/** A child row: month and year both, or neither, within 18 years back and 10 months ahead. */
export function childRow(today: () => Date) {
  return (control: AbstractControl<ChildAnswer>): ValidationErrors | null => {
    const { month, year } = control.value;
    if (month === '' && year === '') return null;
    if (month === '' || year === '' || !isChildMonth(`${year}-${month}`, today())) return { invalid: `${ERR}.child` };
    return null;
  };
}

/** The request for the API, for one session or the whole series of its group. */
export function toStaffRequest(answers: StaffRegisterAnswers, session: { id: string; groupId: string }): StaffRegisterRequest {
  const children = givenChildren(answers.children).map((c) => c.month);
  return {
    ...(answers.target === 'series' ? { groupId: session.groupId } : { sessionId: session.id }),
    displayName: answers.displayName.trim(),
    ...(answers.phone.trim() ? { phone: answers.phone.trim() } : {}),
    ...(answers.email.trim() ? { email: answers.email.trim() } : {}),
    children,
    childrenComing: Math.min(answers.childrenComing, children.length),
    needs: NEEDS.filter((need) => answers.needs[need]),
    locale: answers.locale,
    consentMethod: answers.consentMethod as 'in_person' | 'phone',
  };
}

/**
 * Where the API's field errors go in the form, with what to say: `children.2` is the third given
 * child, so it maps back to the row it came from.
 */
export function placeFieldErrors(fields: readonly FieldError[], children: readonly ChildAnswer[]): Array<{ path: string; key: string }> {
  const rows = givenChildren(children).map((c) => c.row);
  return fields.map((f) => {
    const child = /^children\.(\d+)$/.exec(f.field);
    if (child) return { path: `children.${rows[Number(child[1])] ?? 0}`, key: `${ERR}.child` };
    if (['displayName', 'phone', 'email', 'childrenComing', 'consentMethod', 'sessionId'].includes(f.field)) {
      return { path: f.field, key: `${ERR}.${f.field}` };
    }
    return { path: '', key: `${ERR}.checkFields` };
  });
}
