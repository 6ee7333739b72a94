import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicGroupList } from '@kring/domain';
import { Public } from '../access/access.decorators';
import { ListPublicGroupsQuery } from './dto/list-public-groups.query';
import { PublicGroupsService } from './public-groups.service';

/** Groups as parents see them, without signing in. */
@ApiTags('public')
@Public()
@Controller('public/groups')
export class PublicGroupsController {
  constructor(private readonly service: PublicGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Active groups in the asked language (Dutch where no translation exists)' })
  list(@Query() query: ListPublicGroupsQuery): Promise<PublicGroupList> {
    return this.service.list(query.locale, query.audience);
  }
}
