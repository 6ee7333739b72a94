import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { CancelSessionRequest, SessionQuery, UpdateSessionRequest } from '@kring/domain';
import { LocaleQuery } from '../../common/locale.query';

export class SessionQueryDto extends LocaleQuery implements SessionQuery {
  @ApiProperty({ example: '2026-12-01T00:00:00+01:00' })
  @IsISO8601({}, { message: 'from must be a date and time (ISO 8601)' })
  from!: string;
  @ApiProperty({ example: '2027-01-01T00:00:00+01:00' }) @IsISO8601({}, { message: 'to must be a date and time (ISO 8601)' }) to!: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') locationId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') groupId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') facilitatorId?: string;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional({ example: '2026-12-08T10:00' }) @IsOptional() @IsString() start?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(720) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'locationId must be the id of a place' }) locationId?: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('4', { message: 'roomId must be the id of a room' })
  roomId?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @ValidateIf((_, v) => v !== null) @IsInt() @Min(1) @Max(10_000) capacity?:
    number | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true, message: 'each facilitator must be a staff id' })
  facilitatorIds?: string[];
  @ApiProperty({ enum: ['this', 'following'] }) @IsIn(['this', 'following'], { message: 'scope must be this or following' }) scope!:
    'this' | 'following';
  @ApiPropertyOptional() @IsOptional() @IsBoolean() confirmConflicts?: boolean;
  @ApiPropertyOptional({ description: 'Coordinators: correct a session after the fact (a past start allowed; nobody is told)' })
  @IsOptional()
  @IsBoolean()
  correction?: boolean;
}

export class CancelSessionDto implements CancelSessionRequest {
  @ApiProperty() @IsString() @MinLength(3, { message: 'reason needs a few words' }) @MaxLength(500) reason!: string;
}
