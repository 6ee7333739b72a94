import { ErrorCode, FieldErrorCode, isChildMonth, isEmailAddress, normalizePhone, type FieldError } from '@kring/domain';
import { DomainError } from '../common/domain-error';
import type { RegisterDto, StaffRegisterDto } from './dto/register.dto';

export type Contact = { phone: string | null; email: string | null };

/**
 * Checks a registration form beyond its DTO (field by field, 400 with every problem at once) and
 * gives the contact as kept: the phone normalized, the e-mail address trimmed.
 */
export function validContact(dto: RegisterDto | StaffRegisterDto, now: Date, contactRequired: boolean): Contact {
  const phone = dto.phone?.trim() ? normalizePhone(dto.phone) : null;
  const email = dto.email?.trim() ? dto.email.trim() : null;
  const fields = [...contactProblems(dto, phone, email, contactRequired), ...choiceProblems(dto, now)];
  if (fields.length)
    throw new DomainError(ErrorCode.ValidationFailed, `Some fields need another look: ${fields.map((f) => f.field).join(', ')}.`, fields);
  return { phone, email };
}

function contactProblems(dto: RegisterDto | StaffRegisterDto, phone: string | null, email: string | null, required: boolean): FieldError[] {
  const fields: FieldError[] = [];
  if (dto.phone?.trim() && !phone)
    fields.push({ field: 'phone', code: FieldErrorCode.Invalid, message: 'This is not a mobile number we can text, e.g. 0470 12 34 56.' });
  if (email && !isEmailAddress(email))
    fields.push({ field: 'email', code: FieldErrorCode.Invalid, message: 'This is not an e-mail address, e.g. naam@voorbeeld.be.' });
  if (required && !dto.phone?.trim() && !email)
    fields.push({
      field: 'contact',
      code: FieldErrorCode.Required,
      message: 'Give a mobile number or an e-mail address, so we can send you your code.',
    });
  return fields;
}

function choiceProblems(dto: RegisterDto | StaffRegisterDto, now: Date): FieldError[] {
  const fields: FieldError[] = [];
  if (!!dto.sessionId === !!dto.groupId)
    fields.push({ field: 'sessionId', code: FieldErrorCode.Required, message: 'Choose one session or a whole series.' });
  dto.children.forEach((c, i) => {
    if (!isChildMonth(c, now))
      fields.push({
        field: `children.${i}`,
        code: FieldErrorCode.Invalid,
        message: 'Give the month of birth (or the due month) as YYYY-MM.',
      });
  });
  if ((dto.childrenComing ?? 0) > Math.max(dto.children.length, 0) && dto.children.length > 0)
    fields.push({ field: 'childrenComing', code: FieldErrorCode.OutOfRange, message: 'More children come along than you told us about.' });
  return fields;
}
