import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  StaffRole,
  type CalendarFeedLink,
  type GroupPlan,
  type Locale,
  type LocationView,
  type SavedGroup,
  type SessionView,
} from '@kring/domain';
import { CurrentStaff, Staff } from '../access/access.decorators';
import type { AuthenticatedStaff } from '../auth/session.service';
import { RequestLocale } from '../common/request-locale';
import { UuidParam } from '../common/uuid-param';
import { LocaleQuery } from '../common/locale.query';
import { CalendarService } from './calendar.service';
import { SaveGroupDto } from './dto/group.dto';
import { SaveLocationDto, SaveRoomDto } from './dto/location.dto';
import { CancelSessionDto, SessionQueryDto, UpdateSessionDto } from './dto/session.dto';
import { LocationsService } from './locations.service';
import { PlanningService } from './planning.service';
import { SessionsService } from './sessions.service';

const { Admin, Coordinator, GroupWorker } = StaffRole;

@ApiTags('planning')
@Controller('locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Get()
  @Staff(Admin, Coordinator, GroupWorker)
  @ApiOperation({ summary: 'Places and their rooms' })
  list(): Promise<LocationView[]> {
    return this.locations.list();
  }

  @Post()
  @Staff(Admin, Coordinator)
  create(@Body() body: SaveLocationDto): Promise<LocationView> {
    return this.locations.create(body);
  }

  @Patch(':id')
  @Staff(Admin, Coordinator)
  update(@UuidParam('id') id: string, @Body() body: SaveLocationDto): Promise<LocationView> {
    return this.locations.update(id, body);
  }

  @Post(':id/rooms')
  @Staff(Admin, Coordinator)
  addRoom(@UuidParam('id') id: string, @Body() body: SaveRoomDto): Promise<LocationView> {
    return this.locations.addRoom(id, body);
  }

  @Patch(':id/rooms/:roomId')
  @Staff(Admin, Coordinator)
  updateRoom(@UuidParam('id') id: string, @UuidParam('roomId') roomId: string, @Body() body: SaveRoomDto): Promise<LocationView> {
    return this.locations.updateRoom(id, roomId, body);
  }
}

/** Planning of groups: everyone in group work reads it; coordinators and a group's facilitators change it. */
@ApiTags('planning')
@Controller('groups')
@Staff(Coordinator, GroupWorker)
export class GroupPlanningController {
  constructor(private readonly planning: PlanningService) {}

  @Get()
  list(@CurrentStaff() staff: AuthenticatedStaff): Promise<GroupPlan[]> {
    return this.planning.listGroups(staff);
  }

  @Get(':id')
  get(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string): Promise<GroupPlan> {
    return this.planning.getGroup(staff, id);
  }

  @Post()
  @Staff(Coordinator)
  @ApiOperation({ summary: 'Create a group; its sessions are planned up to the horizon (409 on double bookings unless confirmed)' })
  create(@CurrentStaff() staff: AuthenticatedStaff, @Body() body: SaveGroupDto, @RequestLocale() locale: Locale): Promise<SavedGroup> {
    return this.planning.saveGroup(staff, null, body, locale);
  }

  @Patch(':id')
  @ApiOperation({
    summary:
      'Change a group and its series; sessions changed by hand are kept (409 sessions_have_families for dropped dates with families, unless confirmed)',
  })
  update(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: SaveGroupDto,
    @RequestLocale() locale: Locale,
  ): Promise<SavedGroup> {
    return this.planning.saveGroup(staff, id, body, locale);
  }
}

@ApiTags('planning')
@Controller('sessions')
@Staff(Coordinator, GroupWorker)
export class SessionsController {
  constructor(private readonly planning: SessionsService) {}

  @Get()
  @ApiOperation({ summary: 'Sessions in a period (at most six months), filtered by place, group or facilitator' })
  list(@CurrentStaff() staff: AuthenticatedStaff, @Query() query: SessionQueryDto): Promise<SessionView[]> {
    return this.planning.listSessions(staff, query);
  }

  @Get('mine')
  @ApiOperation({ summary: 'The sessions I facilitate in a period ("my week")' })
  mine(@CurrentStaff() staff: AuthenticatedStaff, @Query() query: SessionQueryDto): Promise<SessionView[]> {
    return this.planning.listSessions(staff, query, true);
  }

  @Get(':id')
  get(@CurrentStaff() staff: AuthenticatedStaff, @UuidParam('id') id: string, @Query() query: LocaleQuery): Promise<SessionView> {
    return this.planning.getSession(staff, id, query.locale);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change one session, or this one and the following of its series; families hear of a new time or place (400 for a past start)',
  })
  update(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: UpdateSessionDto,
    @Query() query: LocaleQuery,
  ): Promise<SessionView> {
    return this.planning.updateSession(staff, id, body, query.locale);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel one session with a reason; families registered for it will be told' })
  cancel(
    @CurrentStaff() staff: AuthenticatedStaff,
    @UuidParam('id') id: string,
    @Body() body: CancelSessionDto,
    @Query() query: LocaleQuery,
  ): Promise<SessionView> {
    return this.planning.cancelSession(staff, id, body.reason, query.locale);
  }
}

@ApiTags('planning')
@Controller('calendar/feed')
@Staff()
export class CalendarFeedController {
  constructor(private readonly calendar: CalendarService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'A private iCalendar link to my sessions (a new one replaces the old)' })
  renew(@CurrentStaff() staff: AuthenticatedStaff): Promise<CalendarFeedLink> {
    return this.calendar.renewStaffFeed(staff.id);
  }

  @Delete()
  @HttpCode(204)
  revoke(@CurrentStaff() staff: AuthenticatedStaff): Promise<void> {
    return this.calendar.revokeStaffFeed(staff.id);
  }
}
