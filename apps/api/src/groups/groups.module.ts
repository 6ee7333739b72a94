import { Module } from '@nestjs/common';
import { GroupsRepository } from './groups.repository';
import { PublicGroupsController } from './public-groups.controller';
import { PublicGroupsService } from './public-groups.service';
import { StaffGroupsController } from './staff-groups.controller';
import { StaffGroupsService } from './staff-groups.service';

@Module({
  controllers: [PublicGroupsController, StaffGroupsController],
  providers: [GroupsRepository, PublicGroupsService, StaffGroupsService],
})
export class GroupsModule {}
