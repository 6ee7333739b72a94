import { Module } from '@nestjs/common';
import { CalendarService } from './calendar.service';
import { HorizonJob } from './horizon.job';
import { LocationsService } from './locations.service';
import { CalendarFeedController, GroupPlanningController, LocationsController, SessionsController } from './planning.controller';
import { PlanningRepository } from './planning.repository';
import { PlanningService } from './planning.service';
import { PublicCalendarController } from './public-calendar.controller';
import { SessionPlanner } from './session-planner';

@Module({
  controllers: [LocationsController, GroupPlanningController, SessionsController, CalendarFeedController, PublicCalendarController],
  providers: [PlanningRepository, SessionPlanner, PlanningService, LocationsService, CalendarService, HorizonJob],
  exports: [PlanningService, CalendarService],
})
export class PlanningModule {}
