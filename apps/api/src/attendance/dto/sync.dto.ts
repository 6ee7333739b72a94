import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';


/** One tap; which fields matter depends on `kind` (checked per item, so one bad tap loses nothing else). */
export class SyncOpDto {
  @ApiProperty() @IsUUID('4', { message: 'each tap needs an id (a UUID made on the phone)' }) id!: string;
  @ApiProperty({ enum: ['attendance', 'tally', 'walk_in'] }) @IsIn(['attendance', 'tally', 'walk_in'], { message: 'kind must be attendance, tally or walk_in' }) kind!: 'attendance' | 'tally' | 'walk_in';
  @ApiProperty() @IsUUID('4', { message: 'sessionId must be the id of a session' }) sessionId!: string;
  @ApiProperty() @IsISO8601({}, { message: 'at must be the time of the tap (ISO 8601)' }) at!: string;
  @IsOptional() @IsUUID('4', { message: 'familyId must be the id of a family' }) familyId?: string;
  @IsOptional() @IsString() @MaxLength(20) status?: string;
  @IsOptional() @IsString() @MaxLength(20) category?: string;
  @IsOptional() @IsInt() delta?: number;
  @IsOptional() @IsString() @MaxLength(60) displayName?: string;
  @IsOptional() @IsString() @MaxLength(30) phone?: string;
  @IsOptional() @IsString() @MaxLength(7) childMonth?: string;
}

export class SyncDto {
  @ApiProperty({ type: [SyncOpDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SyncOpDto)
  ops!: SyncOpDto[];
}

export class UnlockDto {
  @ApiProperty() @IsString() @MaxLength(300) reason!: string;
}

