import type { FieldError, Need, RegisterRequest } from '@kring/domain';
import { NEEDS, isChildMonth, isEmailAddress, normalizePhone } from '@kring/domain';

/** The five questions, one per screen on a phone. */
export const STEPS = ['name', 'contact', 'children', 'needs', 'consent'] as const;
export type StepId = (typeof STEPS)[number];

export type Channel = 'phone' | 'email';

/** A child as the form holds it: month `01`–`12` and year, both empty when not given. */
export interface ChildAnswer {
  month: string;
  year: string;
}

/** Everything a parent answers. */
export interface Answers {
  displayName: string;
  channel: Channel;
  phone: string;
  email: string;
  children: readonly ChildAnswer[];
  childrenComing: number;
  needs: readonly Need[];
  discreet: boolean;
  consent: boolean;
}

/** Where the registration goes: one session, or the whole series of a group. */
export interface RegistrationTarget {
  groupId: string;
  sessionId: string | null;
}

/** Field path (`displayName`, `phone`, `children.1`, `consent`, …) → translation key of what to do. */
export type FieldErrors = Readonly<Record<string, string>>;

const ERR = 'parents.register.errors';
export const NAME_MAX = 60;
export const MAX_CHILDREN = 10;

/** The months of the children that were given, `YYYY-MM`, with the form row each came from. */
export function givenChildren(children: readonly ChildAnswer[]): { row: number; month: string }[] {
  return children
    .map((child, row) => ({ row, child }))
    .filter(({ child }) => child.month !== '' && child.year !== '')
    .map(({ row, child }) => ({ row, month: `${child.year}-${child.month.padStart(2, '0')}` }));
}

/** What needs another look on one step, checked with the same rules as the API. */
export function stepErrors(step: StepId, answers: Answers, today: Date): FieldErrors {
  const errors: Record<string, string> = {};
  switch (step) {
    case 'name': {
      const name = answers.displayName.trim();
      if (name === '') errors['displayName'] = `${ERR}.nameRequired`;
      else if (name.length > NAME_MAX) errors['displayName'] = `${ERR}.nameTooLong`;
      break;
    }
    case 'contact': {
      if (answers.channel === 'phone') {
        if (answers.phone.trim() === '') errors['phone'] = `${ERR}.phoneRequired`;
        else if (normalizePhone(answers.phone) === null) errors['phone'] = `${ERR}.phoneInvalid`;
      } else if (answers.email.trim() === '') {
        errors['email'] = `${ERR}.emailRequired`;
      } else if (!isEmailAddress(answers.email.trim())) {
        errors['email'] = `${ERR}.emailInvalid`;
      }
      break;
    }
    case 'children': {
      answers.children.forEach((child, row) => {
        const half = (child.month === '') !== (child.year === '');
        if (half) errors[`children.${row}`] = `${ERR}.childIncomplete`;
        else if (child.month !== '' && !isChildMonth(`${child.year}-${child.month.padStart(2, '0')}`, today)) {
          errors[`children.${row}`] = `${ERR}.childOutOfRange`;
        }
      });
      const given = givenChildren(answers.children).length;
      if (given > 0 && answers.childrenComing > given) errors['childrenComing'] = `${ERR}.childrenComingTooMany`;
      break;
    }
    case 'needs':
      break;
    case 'consent':
      if (!answers.consent) errors['consent'] = `${ERR}.consentRequired`;
      break;
  }
  return errors;
}

/** The step a field is asked on. */
export function stepOf(field: string): StepId | null {
  if (field === 'displayName') return 'name';
  if (field === 'phone' || field === 'email') return 'contact';
  if (field.startsWith('children') || field === 'childrenComing') return 'children';
  if (field === 'needs' || field === 'discreet') return 'needs';
  if (field === 'consent') return 'consent';
  return null;
}

/**
 * The API's refused fields, said in the parent's language next to the right field:
 * `children.N` counts only the children that were sent, so it is mapped back to the form row;
 * `contact` (neither phone nor e-mail) lands on the channel the parent chose.
 */
export function apiFieldErrors(fields: readonly FieldError[], answers: Answers): FieldErrors {
  const sentRows = givenChildren(answers.children).map((child) => child.row);
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const child = /^children\.(\d+)/.exec(field.field);
    if (field.field === 'displayName') errors['displayName'] = `${ERR}.nameRequired`;
    else if (field.field === 'phone') errors['phone'] = `${ERR}.phoneInvalid`;
    else if (field.field === 'email') errors['email'] = `${ERR}.emailInvalid`;
    else if (field.field === 'contact') errors[answers.channel] = `${ERR}.${answers.channel}Required`;
    else if (child) errors[`children.${sentRows[Number(child[1])] ?? 0}`] = `${ERR}.childOutOfRange`;
    else if (field.field === 'childrenComing') errors['childrenComing'] = `${ERR}.childrenComingTooMany`;
    else if (field.field === 'consentGiven' || field.field === 'consentNoticeVersion') errors['consent'] = `${ERR}.consentAgain`;
  }
  return errors;
}

/** The first step (in order) with something to look at, or null. */
export function firstStepWithErrors(errors: FieldErrors): StepId | null {
  const steps = Object.keys(errors)
    .map(stepOf)
    .filter((step): step is StepId => step !== null);
  return STEPS.find((step) => steps.includes(step)) ?? null;
}

/** What is sent: only what was asked; the phone or the e-mail, never both. */
export function toRequest(
  answers: Answers,
  target: RegistrationTarget,
  extra: { locale: string; noticeVersion: string; website: string },
): RegisterRequest {
  const children = givenChildren(answers.children).map((child) => child.month);
  return {
    ...(target.sessionId ? { sessionId: target.sessionId } : { groupId: target.groupId }),
    displayName: answers.displayName.trim(),
    ...(answers.channel === 'phone' ? { phone: answers.phone.trim() } : { email: answers.email.trim() }),
    children,
    ...(answers.childrenComing > 0 ? { childrenComing: Math.min(answers.childrenComing, children.length) } : {}),
    needs: NEEDS.filter((need) => answers.needs.includes(need)),
    locale: extra.locale,
    discreet: answers.discreet,
    consentNoticeVersion: extra.noticeVersion,
    consentGiven: answers.consent,
    website: extra.website,
  };
}
