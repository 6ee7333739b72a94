import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AUDIENCES,
  GROUP_KINDS,
  type Audience,
  type GroupKind,
  type Recurrence,
  type RegistrationMode,
  type RegistrationWindow,
  type SaveGroupRequest,
} from '@kring/domain';

export class LocalizedTextDto {
  @ApiProperty() @IsString() @MinLength(1, { message: 'the Dutch text is required' }) @MaxLength(2000) nl!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) en?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) fr?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) ar?: string;
}

export class RecurrenceDto implements Recurrence {
  @ApiProperty({ example: '2026-09-01T09:30', description: 'First meeting, Brussels wall-clock' })
  @IsString()
  firstStart!: string;

  @ApiProperty({ example: 90 }) @IsInt() durationMinutes!: number;

  @ApiProperty({ nullable: true, example: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630' })
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(300)
  rule!: string | null;

  @ApiProperty({ type: [String], example: ['2026-11-03'] })
  @IsArray()
  @ArrayMaxSize(400)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'each exception date must be YYYY-MM-DD' })
  exceptionDates!: string[];
}

export class RegistrationWindowDto implements RegistrationWindow {
  @ApiProperty({ nullable: true }) @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(365) opensDaysBefore!: number | null;
  @ApiProperty({ nullable: true }) @ValidateIf((_, v) => v !== null) @IsInt() @Min(0) @Max(24 * 30) closesHoursBefore!: number | null;
}

export class SaveGroupDto implements SaveGroupRequest {
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) title!: LocalizedTextDto;
  @ApiProperty({ type: LocalizedTextDto }) @IsObject() @ValidateNested() @Type(() => LocalizedTextDto) description!: LocalizedTextDto;
  @ApiProperty({ enum: GROUP_KINDS }) @IsIn(GROUP_KINDS, { message: `kind must be one of: ${GROUP_KINDS.join(', ')}` }) kind!: GroupKind;
  @ApiProperty({ enum: AUDIENCES }) @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}` }) audience!: Audience;

  @ApiProperty({ type: [String], example: ['nl', 'fr'] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each spoken language must be a language code like nl' })
  spokenLanguages!: string[];

  @ApiProperty() @IsUUID('4', { message: 'defaultLocationId must be the id of a place' }) defaultLocationId!: string;
  @ApiProperty({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'defaultRoomId must be the id of a room' })
  defaultRoomId!: string | null;
  @ApiProperty({ nullable: true }) @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) @Max(10_000) capacity!: number | null;
  @ApiProperty() @IsBoolean() childrenCountTowardCapacity!: boolean;
  @ApiProperty({ enum: ['open', 'invite', 'none'] })
  @IsIn(['open', 'invite', 'none'], { message: 'registrationMode must be one of: open, invite, none' })
  registrationMode!: RegistrationMode;
  @ApiProperty({ type: RegistrationWindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationWindowDto)
  registrationWindow!: RegistrationWindowDto;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each facilitator must be a staff id' })
  facilitatorIds!: string[];

  @ApiProperty({ type: RecurrenceDto }) @IsObject() @ValidateNested() @Type(() => RecurrenceDto) recurrence!: RecurrenceDto;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmConflicts?: boolean;
  @ApiPropertyOptional({ description: 'Cancel the dropped dates families are registered for (they are told)' })
  @IsOptional()
  @IsBoolean()
  confirmCancellations?: boolean;
}
