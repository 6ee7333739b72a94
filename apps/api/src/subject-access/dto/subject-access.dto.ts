import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LOCALES, type Locale } from '@kring/domain';

/** `?locale=`: the language of the export; the family's own when left out. */
export class SubjectAccessQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: 'The family’s own language when left out' })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale?: Locale;
}
