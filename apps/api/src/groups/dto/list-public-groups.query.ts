import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { AUDIENCES, type Audience } from '@kring/domain';
import { LocaleQuery } from '../../common/locale.query';

export class ListPublicGroupsQuery extends LocaleQuery {
  @ApiPropertyOptional({ enum: AUDIENCES, description: 'Only groups for this age (or for all ages)' })
  @IsOptional()
  @IsIn(AUDIENCES, { message: `audience must be one of: ${AUDIENCES.join(', ')}` })
  audience?: Audience;
}
