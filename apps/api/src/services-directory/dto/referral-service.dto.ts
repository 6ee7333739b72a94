import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  SERVICE_ADDRESS_MAX,
  SERVICE_EMAIL_MAX,
  SERVICE_INTAKE_CHANNELS,
  SERVICE_KINDS,
  SERVICE_LANGUAGES_MAX,
  SERVICE_NAME_MAX,
  SERVICE_NOTES_MAX,
  SERVICE_PHONE_MAX,
  type CreateReferralServiceRequest,
  type ReferralServiceQuery,
  type ServiceIntakeChannel,
  type ServiceKind,
  type UpdateReferralServiceRequest,
} from '@kring/domain';

const PHONE = /^\+?[0-9][0-9 ()./-]{5,}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
/** An empty text field means "none": stored as null. */
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' && value.trim() === '' ? null : value);
const notNull = (_: unknown, value: unknown) => value !== null;
/** Left out: unchanged. Unlike `@IsOptional()`, a `null` is still checked (and refused) for fields that cannot be empty. */
const Given = () => ValidateIf((_: unknown, value: unknown) => value !== undefined);

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const NAME_REQUIRED = { message: 'name is required' };
const KIND_ONE_OF = { message: `kind must be one of: ${SERVICE_KINDS.join(', ')}` };
const CHANNEL_ONE_OF = { each: true, message: `each intake channel must be one of: ${SERVICE_INTAKE_CHANNELS.join(', ')}` };
const CHANNEL_NEEDED = { message: 'intakeChannels needs at least one way the service takes a referral' };
const PHONE_FORMAT = { message: 'phone must be a phone number (digits, spaces, + ( ) . / -)' };
const EMAIL_FORMAT = { message: 'email must be an e-mail address' };
const LANGUAGE_FORMAT = { each: true, message: 'each language must be a language code of 2 or 3 small letters, like nl or ar' };

/** The fields creating and changing a service share, checked alike (both DTOs extend it). */
abstract class ServiceContactFields {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf(notNull)
  @IsString()
  @MaxLength(SERVICE_PHONE_MAX)
  @Matches(PHONE, PHONE_FORMAT)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf(notNull)
  @MaxLength(SERVICE_EMAIL_MAX)
  @IsEmail({}, EMAIL_FORMAT)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(emptyToNull)
  @ValidateIf(notNull)
  @IsString()
  @MaxLength(SERVICE_ADDRESS_MAX)
  address?: string | null;

  @ApiPropertyOptional() @Given() @IsString() @MaxLength(SERVICE_NOTES_MAX) intakeNotes?: string;

  @ApiPropertyOptional({ type: [String], example: ['nl', 'fr', 'ar'] })
  @Given()
  @IsArray()
  @ArrayMaxSize(SERVICE_LANGUAGES_MAX)
  @ArrayUnique()
  @Matches(LANGUAGE, LANGUAGE_FORMAT)
  languages?: string[];
}

export class CreateReferralServiceDto extends ServiceContactFields implements CreateReferralServiceRequest {
  @ApiProperty() @Transform(trimmed) @IsString() @MinLength(1, NAME_REQUIRED) @MaxLength(SERVICE_NAME_MAX) name!: string;

  @ApiProperty({ enum: SERVICE_KINDS }) @IsIn(SERVICE_KINDS, KIND_ONE_OF) kind!: ServiceKind;

  @ApiProperty({ enum: SERVICE_INTAKE_CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1, CHANNEL_NEEDED)
  @ArrayUnique()
  @IsIn(SERVICE_INTAKE_CHANNELS, CHANNEL_ONE_OF)
  intakeChannels!: ServiceIntakeChannel[];
}

export class UpdateReferralServiceDto extends ServiceContactFields implements UpdateReferralServiceRequest {
  @ApiPropertyOptional() @Transform(trimmed) @Given() @IsString() @MinLength(1, NAME_REQUIRED) @MaxLength(SERVICE_NAME_MAX) name?: string;

  @ApiPropertyOptional({ enum: SERVICE_KINDS }) @Given() @IsIn(SERVICE_KINDS, KIND_ONE_OF) kind?: ServiceKind;

  @ApiPropertyOptional({ enum: SERVICE_INTAKE_CHANNELS, isArray: true })
  @Given()
  @IsArray()
  @ArrayMinSize(1, CHANNEL_NEEDED)
  @ArrayUnique()
  @IsIn(SERVICE_INTAKE_CHANNELS, CHANNEL_ONE_OF)
  intakeChannels?: ServiceIntakeChannel[];

  @ApiPropertyOptional({ description: 'false deactivates (nothing is deleted); true makes it pickable again' })
  @Given()
  @IsBoolean()
  active?: boolean;
}

export class ReferralServiceQueryDto implements ReferralServiceQuery {
  @ApiPropertyOptional({ description: 'true: only active services' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
