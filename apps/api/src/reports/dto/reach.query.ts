import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { GROUP_KINDS, STAFF_LOCALES, type GroupKind, type Locale, type ReachFilters } from '@kring/domain';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The report's filters. `locale` only names the CSV's headings and the total row (else the Accept-Language). */
export class ReachQuery implements ReachFilters {
  @ApiProperty({ example: '2026-01', description: 'First month (YYYY-MM, Brussels calendar)' })
  @Matches(MONTH, { message: 'from must be a month like 2026-01' })
  from!: string;

  @ApiProperty({ example: '2026-12', description: 'Last month, included (YYYY-MM); at most 60 months after from' })
  @Matches(MONTH, { message: 'to must be a month like 2026-12' })
  to!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'locationId must be a place id' })
  locationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'groupId must be a group id' })
  groupId?: string;

  @ApiPropertyOptional({ enum: GROUP_KINDS })
  @IsOptional()
  @IsIn(GROUP_KINDS, { message: `kind must be one of: ${GROUP_KINDS.join(', ')}` })
  kind?: GroupKind;

  @ApiPropertyOptional({ enum: STAFF_LOCALES })
  @IsOptional()
  @IsIn(STAFF_LOCALES, { message: `locale must be one of: ${STAFF_LOCALES.join(', ')}` })
  locale?: Locale;
}
