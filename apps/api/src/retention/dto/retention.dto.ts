import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ErasureRequest, LegalHoldRequest } from '@kring/domain';

export class LegalHoldDto implements LegalHoldRequest {
  @ApiProperty({ description: 'Why the family’s data must be kept (e.g. a court case), in a few words.', maxLength: 500 })
  @IsString()
  @MinLength(3, { message: 'Say in a few words why the data must be kept.' })
  @MaxLength(500, { message: 'Keep the reason to 500 characters.' })
  reason!: string;
}

export class ErasureDto implements ErasureRequest {
  @ApiProperty({ description: 'The family’s display name, typed again as a confirmation.' })
  @IsString()
  @MinLength(1, { message: 'Type the family’s name to confirm.' })
  @MaxLength(200, { message: 'Type the family’s name to confirm.' })
  confirmName!: string;
}
