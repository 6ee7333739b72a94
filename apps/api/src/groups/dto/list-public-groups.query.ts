import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AUDIENCES, DEFAULT_LOCALE, LOCALES, type Audience, type Locale } from '@kring/domain';

export class ListPublicGroupsQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: DEFAULT_LOCALE })
  @IsOptional()
  @IsIn(LOCALES, { message: `locale must be one of: ${LOCALES.join(', ')}` })
  locale: Locale = DEFAULT_LOCALE;

  @ApiPropertyOptional({ enum: AUDIENCES, description: 'Only groups for this age (or for all ages)' })
  @IsOptional()
  @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}` })
  audience?: Audience;
}
