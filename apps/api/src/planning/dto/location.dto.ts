import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import type { SaveLocationRequest, SaveRoomRequest } from '@kring/domain';

export class SaveLocationDto implements SaveLocationRequest {
  @ApiProperty() @IsString() @MinLength(1, { message: 'name is required' }) @MaxLength(120) name!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'street is required' }) @MaxLength(200) street!: string;
  @ApiProperty() @IsString() @MinLength(4, { message: 'postalCode needs at least 4 characters' }) @MaxLength(10) postalCode!: string;
  @ApiProperty() @IsString() @MinLength(1, { message: 'city is required' }) @MaxLength(100) city!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) accessibilityNotes?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class SaveRoomDto implements SaveRoomRequest {
  @ApiProperty() @IsString() @MinLength(1, { message: 'name is required' }) @MaxLength(120) name!: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(1)
  @Max(10_000)
  capacity?: number | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) accessibilityNotes?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
