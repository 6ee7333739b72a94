import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { AUDIENCES, type Audience, type PublicSessionQuery } from '@kring/domain';
import { LocaleQuery } from '../../common/locale.query';

export class PublicSessionQueryDto extends LocaleQuery implements PublicSessionQuery {
  @ApiPropertyOptional({ enum: AUDIENCES })
  @IsOptional()
  @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}` })
  audience?: Audience;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') locationId?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 7 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(7) weekday?: number;
  @ApiPropertyOptional({ example: 'ar' })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { message: 'language must be a language code like ar' })
  language?: string;
}
