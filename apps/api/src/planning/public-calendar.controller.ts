import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode } from '@kring/domain';
import { Public } from '../access/access.decorators';
import { DomainError } from '../common/domain-error';
import { UuidParam } from '../common/uuid-param';
import { LocaleQuery } from '../common/locale.query';
import { CalendarService } from './calendar.service';
import { CALENDAR_LINK_UNKNOWN } from './planning.errors';

@ApiTags('public')
@Public()
@Controller('public')
export class PublicCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('groups/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'A group’s meetings as an iCalendar file, for parents' })
  group(@UuidParam('id') id: string, @Query() query: LocaleQuery): Promise<string> {
    return this.calendar.groupFeed(id, query.locale);
  }

  @Get('calendar/staff/:file')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'A staff member’s private feed (the link is the key)' })
  staff(@Param('file') file: string): Promise<string> {
    const token = /^([A-Za-z0-9_-]{43})\.ics$/.exec(file)?.[1];
    if (!token) throw new DomainError(ErrorCode.NotFound, CALENDAR_LINK_UNKNOWN);
    return this.calendar.staffFeed(token);
  }
}
