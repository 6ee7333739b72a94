import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { StaffRole, type Locale, type ReachReport } from '@kring/domain';
import type { Response } from 'express';
import { Staff } from '../access/access.decorators';
import { RequestLocale } from '../common/request-locale';
import { ReachQuery } from './dto/reach.query';
import { reachCsv } from './reach-csv';
import { ReportsService } from './reports.service';

/** The funder report, for coordinators (DOMAIN.md: coordinators see reports; admins manage accounts). Counts only, suppressed. */
@ApiTags('reports')
@Controller('reports')
@Staff(StaffRole.Coordinator)
export class ReportsController {
  constructor(private readonly service: ReportsService) {}

  @Get('reach')
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Families reached, sessions, attendance and drop-in counts by month, place and group; small counts suppressed' })
  reach(@Query() query: ReachQuery, @RequestLocale() locale: Locale): Promise<ReachReport> {
    const { locale: asked, ...filters } = query;
    return this.service.reach(filters, asked ?? locale);
  }

  @Get('reach.csv')
  @Header('Cache-Control', 'private, no-store')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same report as CSV (headings in ?locale=, else the Accept-Language)' })
  async reachCsv(@Query() query: ReachQuery, @RequestLocale() locale: Locale, @Res({ passthrough: true }) res: Response): Promise<string> {
    const { locale: asked, ...filters } = query;
    const report = await this.service.reach(filters, asked ?? locale);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="bereik-${filters.from}-${filters.to}.csv"`);
    return reachCsv(report, asked ?? locale);
  }
}
