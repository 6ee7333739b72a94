import { Module } from '@nestjs/common';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { CalendarService } from './calendar.service';
import { ConflictsRepository } from './conflicts.repository';
import { HorizonJob } from './horizon.job';
import { LocationsService } from './locations.service';
import { CalendarFeedController, GroupPlanningController, LocationsController, SessionsController } from './planning.controller';
import { PlacesRepository } from './places.repository';
import { PlanningRepository } from './planning.repository';
import { PlanningService } from './planning.service';
import { PublicCalendarController } from './public-calendar.controller';
import { SessionChanges } from './session-changes';
import { SessionChangesRepository } from './session-changes.repository';
import { SessionPlanner } from './session-planner';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [LocationsController, GroupPlanningController, SessionsController, CalendarFeedController, PublicCalendarController],
  // FamilyNotices (what planning needs done for families) comes from the registration module.
  providers: [
    PlanningRepository,
    PlacesRepository,
    ConflictsRepository,
    SessionChangesRepository,
    SessionChanges,
    SessionPlanner,
    PlanningService,
    SessionsService,
    LocationsService,
    CalendarService,
    CalendarFeedsRepository,
    HorizonJob,
  ],
  exports: [PlanningService, CalendarService],
})
export class PlanningModule {}
