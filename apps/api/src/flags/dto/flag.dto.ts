import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import {
  DISCUSSED_WITH_PARENT,
  FLAG_CATEGORIES,
  FLAG_REASON_MAX,
  FLAG_STATUSES,
  FLAG_TEXT_FIELDS,
  FLAG_TEXT_MAX,
  FLAG_URGENCIES,
  FlagCloseReason,
  READ_PURPOSES,
  type DiscussedWithParent,
  type FlagAmendmentDraft,
  type FlagCategory,
  type FlagCloseReason as CloseReason,
  type FlagDraft,
  type FlagListQuery,
  type FlagReconfirmRequest,
  type FlagStatus,
  type FlagTextField,
  type FlagTransitionRequest,
  type FlagUrgency,
  type OpenFlagRequest,
  type ReadPurpose,
} from '@kring/domain';

/*
 * Every message here is written out: it names the field and what it takes, and never the value
 * sent (flag text must not come back in an error body, nor reach a log through one).
 */
const text = (field: string, max: number) => [
  IsString({ message: `${field} must be text` }),
  MaxLength(max, { message: `${field} can be at most ${max} characters` }),
];
const oneOf = (field: string, values: readonly string[]) => IsIn(values, { message: `${field} must be one of: ${values.join(', ')}` });
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const day = (field: string) => Matches(DAY, { message: `${field} must be a date (YYYY-MM-DD)` });
const id = (field: string) => IsUUID('all', { message: `${field} must be an id (a UUID)` });
const apply =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

export class FlagDraftDto implements FlagDraft {
  @ApiProperty() @apply(id('familyId')) familyId!: string;
  @ApiPropertyOptional() @IsOptional() @apply(id('sessionId')) sessionId?: string;
  @ApiProperty({ enum: FLAG_CATEGORIES }) @apply(oneOf('category', FLAG_CATEGORIES)) category!: FlagCategory;
  @ApiProperty({ enum: FLAG_URGENCIES }) @apply(oneOf('urgency', FLAG_URGENCIES)) urgency!: FlagUrgency;
  @ApiProperty({ maxLength: FLAG_TEXT_MAX }) @apply(...text('fact', FLAG_TEXT_MAX)) fact!: string;
  @ApiPropertyOptional() @IsOptional() @apply(...text('interpretation', FLAG_TEXT_MAX)) interpretation?: string;
  @ApiPropertyOptional() @IsOptional() @apply(...text('strengths', FLAG_TEXT_MAX)) strengths?: string;
  @ApiPropertyOptional() @IsOptional() @apply(...text('parentWords', FLAG_TEXT_MAX)) parentWords?: string;
  @ApiProperty({ enum: DISCUSSED_WITH_PARENT })
  @apply(oneOf('discussedWithParent', DISCUSSED_WITH_PARENT))
  discussedWithParent!: DiscussedWithParent;
  @ApiPropertyOptional() @IsOptional() @apply(...text('notDiscussedReason', FLAG_REASON_MAX)) notDiscussedReason?: string;
  @ApiPropertyOptional({ example: '2026-03-24' }) @IsOptional() @apply(day('reviewBy')) reviewBy?: string;
}

export class FlagListQueryDto implements FlagListQuery {
  @ApiPropertyOptional({ enum: FLAG_STATUSES }) @IsOptional() @apply(oneOf('status', FLAG_STATUSES)) status?: FlagStatus;
  @ApiPropertyOptional({ enum: FLAG_URGENCIES }) @IsOptional() @apply(oneOf('urgency', FLAG_URGENCIES)) urgency?: FlagUrgency;
  @ApiPropertyOptional({ enum: FLAG_CATEGORIES }) @IsOptional() @apply(oneOf('category', FLAG_CATEGORIES)) category?: FlagCategory;
  @ApiPropertyOptional() @IsOptional() @apply(id('locationId')) locationId?: string;
  @ApiPropertyOptional() @IsOptional() @apply(id('familyId')) familyId?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'due must be true or false' })
  due?: boolean;
  @ApiPropertyOptional({ enum: ['urgency', 'created', 'review'] })
  @IsOptional()
  @apply(oneOf('sort', ['urgency', 'created', 'review']))
  sort?: 'urgency' | 'created' | 'review';
}

export class OpenFlagDto implements OpenFlagRequest {
  @ApiProperty({ enum: READ_PURPOSES }) @apply(oneOf('purpose', READ_PURPOSES)) purpose!: ReadPurpose;
  @ApiPropertyOptional() @IsOptional() @apply(...text('purposeNote', FLAG_REASON_MAX)) purposeNote?: string;
}

const AMENDABLE = [...FLAG_TEXT_FIELDS, 'general'] as const;
export class FlagAmendmentDto implements FlagAmendmentDraft {
  @ApiProperty({ enum: AMENDABLE }) @apply(oneOf('field', AMENDABLE)) field!: FlagTextField | 'general';
  @ApiProperty({ maxLength: FLAG_TEXT_MAX }) @apply(...text('text', FLAG_TEXT_MAX)) text!: string;
}

export class FlagTransitionDto implements FlagTransitionRequest {
  @ApiProperty({ enum: FLAG_STATUSES }) @apply(oneOf('to', FLAG_STATUSES)) to!: FlagStatus;
  @ApiProperty({ maxLength: FLAG_REASON_MAX }) @apply(...text('rationale', FLAG_REASON_MAX)) rationale!: string;
  @ApiPropertyOptional() @IsOptional() @apply(day('reviewBy')) reviewBy?: string;
  @ApiPropertyOptional({ enum: Object.values(FlagCloseReason) })
  @IsOptional()
  @apply(oneOf('closeReason', Object.values(FlagCloseReason)))
  closeReason?: CloseReason;
}

export class FlagReconfirmDto implements FlagReconfirmRequest {
  @ApiProperty({ maxLength: FLAG_REASON_MAX }) @apply(...text('reason', FLAG_REASON_MAX)) reason!: string;
  @ApiPropertyOptional() @IsOptional() @apply(day('reviewBy')) reviewBy?: string;
}
