import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  CONSENT_FIELDS,
  CONSENT_METHODS,
  LEGAL_BASES,
  LOCALES,
  READ_PURPOSES,
  REFERRAL_OUTCOMES,
  REFERRAL_RATIONALE_MAX,
  REFERRAL_STATUSES,
  REFERRAL_TEXT_MAX,
  SERVICE_INTAKE_CHANNELS,
  type ApprovePacketRequest,
  type CloseReferralRequest,
  type ConsentField,
  type ConsentMethod,
  type CreateReferralRequest,
  type ExceptionDecisionRequest,
  type InformParentPlan,
  type LegalBasis,
  type Locale,
  type OpenReferralRequest,
  type ParentContactProfile,
  type ParentLinkRequest,
  type ReadPurpose,
  type RecordConsentRequest,
  type ReferralListQuery,
  type ReferralOutcome,
  type ReferralStatus,
  type ReferralTransitionRequest,
  type RequestExceptionRequest,
  type SendReferralRequest,
  type ServiceIntakeChannel,
  type WarmHandoverRequest,
} from '@kring/domain';

/* Every message names the field and what it takes, never the value sent (referral text must not come back in an error). */
const text = (field: string, max: number) => [
  IsString({ message: `${field} must be text` }),
  MaxLength(max, { message: `${field} can be at most ${max} characters` }),
];
const oneOf = (field: string, values: readonly string[]) => IsIn(values, { message: `${field} must be one of: ${values.join(', ')}` });
const day = (field: string) => Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${field} must be a date (YYYY-MM-DD)` });
const hash = () => Matches(/^[0-9a-f]{64}$/, { message: 'hash must be the packet’s SHA-256 (64 hex characters)' });
const fieldList = (field: string) => [
  IsArray({ message: `${field} must be a list` }),
  ArrayMaxSize(CONSENT_FIELDS.length, { message: `${field} lists each item once` }),
  IsIn(CONSENT_FIELDS, { each: true, message: `${field} takes: ${CONSENT_FIELDS.join(', ')}` }),
];
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class CreateReferralDto implements CreateReferralRequest {
  @ApiProperty() @IsUUID('all', { message: 'familyId must be an id (a UUID)' }) familyId!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'flagIds must be a list' })
  @ArrayMaxSize(50, { message: 'flagIds takes at most 50 flags' })
  @IsUUID('all', { each: true, message: 'flagIds must be ids (UUIDs)' })
  flagIds?: string[];
  @ApiProperty() @IsUUID('all', { message: 'serviceId must be an id (a UUID)' }) serviceId!: string;
  @ApiProperty({ maxLength: REFERRAL_TEXT_MAX }) @apply(...text('reason', REFERRAL_TEXT_MAX)) reason!: string;
  @ApiPropertyOptional() @IsOptional() @apply(...text('familyHopes', REFERRAL_TEXT_MAX)) familyHopes?: string;
  @ApiPropertyOptional({ example: '2026-03-24' }) @IsOptional() @apply(day('followUpOn')) followUpOn?: string;
}

export class ReferralListQueryDto implements ReferralListQuery {
  /** A family's referrals (its page). */
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: 'familyId must be an id (a UUID)' }) familyId?: string;
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES }) @IsOptional() @apply(oneOf('status', REFERRAL_STATUSES)) status?: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() exception?: boolean;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() due?: boolean;
}

export class OpenReferralDto implements OpenReferralRequest {
  @ApiProperty({ enum: READ_PURPOSES }) @apply(oneOf('purpose', READ_PURPOSES)) purpose!: ReadPurpose;
  @ApiPropertyOptional() @IsOptional() @apply(...text('purposeNote', 200)) purposeNote?: string;
}

export class ReferralTransitionDto implements ReferralTransitionRequest {
  @ApiProperty({ enum: REFERRAL_STATUSES }) @apply(oneOf('to', REFERRAL_STATUSES)) to!: ReferralStatus;
  @ApiPropertyOptional() @IsOptional() @apply(...text('rationale', REFERRAL_RATIONALE_MAX)) rationale?: string;
}

export class RecordConsentDto implements RecordConsentRequest {
  @ApiProperty({ enum: CONSENT_FIELDS, isArray: true }) @apply(...fieldList('fields')) fields!: ConsentField[];
  @ApiProperty({ enum: CONSENT_METHODS }) @apply(oneOf('method', CONSENT_METHODS)) method!: ConsentMethod;
  @ApiProperty({ enum: LOCALES }) @apply(oneOf('language', LOCALES)) language!: Locale;
  @ApiProperty({ example: 'referral-general@1' }) @apply(...text('explainer', 100)) explainer!: string;
  @ApiProperty({ example: '2026-09-01' }) @apply(day('validUntil')) validUntil!: string;
}

export class RequestExceptionDto implements RequestExceptionRequest {
  @ApiProperty({ enum: LEGAL_BASES }) @apply(oneOf('legalBasis', LEGAL_BASES)) legalBasis!: LegalBasis;
  @ApiProperty() @apply(...text('justification', REFERRAL_TEXT_MAX)) justification!: string;
  @ApiProperty({ description: '{ inform: true, by: YYYY-MM-DD } or { inform: false, reason }' })
  @IsObject({ message: 'informParent must say whether, and by when, the parent is told' })
  informParent!: InformParentPlan;
  @ApiProperty({ enum: CONSENT_FIELDS, isArray: true }) @apply(...fieldList('fields')) fields!: ConsentField[];
}

export class ExceptionDecisionDto implements ExceptionDecisionRequest {
  @ApiProperty() @IsBoolean({ message: 'approve must be true or false' }) approve!: boolean;
  @ApiProperty() @apply(...text('reason', REFERRAL_RATIONALE_MAX)) reason!: string;
}

export class ApprovePacketDto implements ApprovePacketRequest {
  @ApiProperty() @hash() hash!: string;
}

export class ParentLinkDto implements ParentLinkRequest {
  @ApiProperty({ enum: ['sms', 'email'] }) @apply(oneOf('channel', ['sms', 'email'])) channel!: 'sms' | 'email';
  @ApiProperty({ enum: LOCALES }) @apply(oneOf('language', LOCALES)) language!: Locale;
}

export class SendReferralDto implements SendReferralRequest {
  @ApiProperty({ enum: SERVICE_INTAKE_CHANNELS }) @apply(oneOf('channel', SERVICE_INTAKE_CHANNELS)) channel!: ServiceIntakeChannel;
  @ApiProperty() @hash() hash!: string;
}

export class WarmHandoverDto implements WarmHandoverRequest {
  @ApiProperty({ example: '2026-03-24' }) @apply(day('on')) on!: string;
  @ApiProperty() @apply(...text('place', 300)) place!: string;
  @ApiProperty() @apply(...text('goingAlong', 300)) goingAlong!: string;
}

export class CloseReferralDto implements CloseReferralRequest {
  @ApiProperty({ enum: REFERRAL_OUTCOMES }) @apply(oneOf('outcome', REFERRAL_OUTCOMES)) outcome!: ReferralOutcome;
  @ApiProperty() @apply(...text('note', REFERRAL_RATIONALE_MAX)) note!: string;
}

export class ParentContactProfileDto implements ParentContactProfile {
  @ApiProperty({ enum: ['sms', 'email', 'phone_call', 'none'] })
  @apply(oneOf('channel', ['sms', 'email', 'phone_call', 'none']))
  channel!: ParentContactProfile['channel'];
  @ApiProperty({ enum: LOCALES }) @apply(oneOf('language', LOCALES)) language!: Locale;
  @ApiPropertyOptional() @IsOptional() @apply(...text('times', 200)) times?: string;
  @ApiPropertyOptional() @IsOptional() @apply(...text('avoid', 200)) avoid?: string;
}

export class ParentWithdrawDto {
  @ApiPropertyOptional() @IsOptional() @apply(...text('rationale', REFERRAL_RATIONALE_MAX)) rationale?: string;
}
