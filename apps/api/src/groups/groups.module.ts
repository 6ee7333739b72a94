import { Module } from '@nestjs/common';
import { GroupsRepository } from './groups.repository';
import { PublicGroupsController } from './public-groups.controller';
import { PublicGroupsService } from './public-groups.service';

@Module({
  controllers: [PublicGroupsController],
  providers: [GroupsRepository, PublicGroupsService],
})
export class GroupsModule {}
