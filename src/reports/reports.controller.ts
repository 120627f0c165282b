import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { AnnualReportQuery, MultiYearReportQuery } from './dto/report-query.dto.js';
import { AnnualReportResponse, MultiYearReportResponse } from './dto/report.response.js';
import { CONTENT_TYPES } from './report-file.js';
import { ReportsService } from './reports.service.js';

const REPORT_READERS = [Role.Admin, Role.DistrictOfficer, Role.InsurerAdjuster, Role.InsurerManager];
const PRODUCES = ['application/json', ...Object.values(CONTENT_TYPES)];

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('annual')
  @Authenticated({ roles: REPORT_READERS })
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: AnnualReportResponse, description: 'JSON, or with format=csv|xlsx|pdf the file as an attachment' })
  @ApiNotFoundResponse({ description: 'unknown district, or not in the caller\'s scope' })
  annual(@Auth() caller: AuthUser, @Query() query: AnnualReportQuery): Promise<AnnualReportResponse | StreamableFile> {
    return this.reports.annual(caller, query);
  }

  @Get('multi-year')
  @Authenticated({ roles: REPORT_READERS })
  @ApiProduces(...PRODUCES)
  @ApiOkResponse({ type: MultiYearReportResponse, description: 'JSON, or with format=csv|xlsx|pdf the file as an attachment' })
  @ApiNotFoundResponse({ description: 'unknown district, or not in the caller\'s scope' })
  multiYear(@Auth() caller: AuthUser, @Query() query: MultiYearReportQuery): Promise<MultiYearReportResponse | StreamableFile> {
    return this.reports.multiYear(caller, query);
  }
}
