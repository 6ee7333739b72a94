import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LOCALES, NEEDS, type Need, type RegisterRequest, type StaffRegisterRequest } from '@kring/domain';

export class RegisterDto implements RegisterRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'sessionId must be the id of a session' }) sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'groupId must be the id of a group' }) groupId?: string;
  @ApiProperty({ example: 'Sara' }) @IsString() @MinLength(1, { message: 'displayName is required' }) @MaxLength(60) displayName!: string;
  @ApiPropertyOptional({ example: '0470 12 34 56' }) @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiProperty({ example: ['2026-01'] }) @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) children!: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10) childrenComing?: number;
  @ApiProperty({ enum: NEEDS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(NEEDS, { each: true, message: `each need must be one of: ${NEEDS.join(', ')}` })
  needs!: Need[];
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` }) locale!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() discreet?: boolean;
  @ApiProperty() @IsString() @MaxLength(20) consentNoticeVersion!: string;
  @ApiProperty() @IsBoolean() consentGiven!: boolean;
  @ApiPropertyOptional({ description: 'Leave empty (a field people do not see)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  website?: string;
}

export class ManageLocaleDto {
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` }) locale!: string;
}

export class StaffRegisterDto implements StaffRegisterRequest {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'sessionId must be the id of a session' }) sessionId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4', { message: 'groupId must be the id of a group' }) groupId?: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'displayName is required' }) @MaxLength(60) displayName!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(254) email?: string;
  @ApiProperty() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) children!: string[];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(10) childrenComing?: number;
  @ApiProperty({ enum: NEEDS, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(NEEDS, { each: true, message: `each need must be one of: ${NEEDS.join(', ')}` })
  needs!: Need[];
  @ApiProperty({ enum: LOCALES }) @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` }) locale!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() discreet?: boolean;
  @ApiProperty({ enum: ['in_person', 'phone'] })
  @IsIn(['in_person', 'phone'], { message: 'consentMethod must be in_person or phone' })
  consentMethod!: 'in_person' | 'phone';
}

export class MoveRegistrationDto {
  @ApiProperty() @IsUUID('4', { message: 'toSessionId must be the id of a session' }) toSessionId!: string;
}
