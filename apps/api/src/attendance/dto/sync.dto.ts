import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsObject, IsString, MaxLength } from 'class-validator';

export class SyncDto {
  /** Each tap is checked on its own by the service (a malformed one is refused alone, never the batch). */
  @ApiProperty({ type: 'array', items: { type: 'object' }, maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true, message: 'each tap must be an object' })
  ops!: Array<Record<string, unknown>>;
}

export class UnlockDto {
  @ApiProperty() @IsString() @MaxLength(300) reason!: string;
}
