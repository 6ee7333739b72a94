import { Module } from '@nestjs/common';
import { StaffAdminController } from './staff-admin.controller';
import { StaffAdminService } from './staff-admin.service';
import { StaffRepository } from './staff.repository';

@Module({
  controllers: [StaffAdminController],
  providers: [StaffRepository, StaffAdminService],
})
export class StaffModule {}
