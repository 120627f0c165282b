import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { AnnualReportQuery, MultiYearReportQuery } from './dto/report-query.dto.js';
import { AnnualReportResponse, MultiYearReportResponse } from './dto/report.response.js';
import { CONTENT_TYPES } from './report-file.js';
import { ReportsService } from './reports.service.js';
import { ApiError, ApiJsonOrFileResponse } from '../common/openapi.js';

const REPORT_READERS = [Role.Admin, Role.DistrictOfficer, Role.InsurerAdjuster, Role.InsurerManager];
const FILE_TYPES = Object.values(CONTENT_TYPES).map((type) => type.split(';')[0]);

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('annual')
  @Authenticated({ roles: REPORT_READERS })
  @ApiJsonOrFileResponse(AnnualReportResponse, 'JSON, or with format=csv|xlsx|pdf the file as an attachment', ...FILE_TYPES)
  @ApiError(404, 'Unknown district, or not in the caller\'s scope.')
  @ApiOperation({ summary: 'Annual report of a district (JSON, CSV, XLSX or PDF)' })
  annual(@Auth() caller: AuthUser, @Query() query: AnnualReportQuery): Promise<AnnualReportResponse | StreamableFile> {
    return this.reports.annual(caller, query);
  }

  @Get('multi-year')
  @Authenticated({ roles: REPORT_READERS })
  @ApiJsonOrFileResponse(MultiYearReportResponse, 'JSON, or with format=csv|xlsx|pdf the file as an attachment', ...FILE_TYPES)
  @ApiError(404, 'Unknown district, or not in the caller\'s scope.')
  @ApiOperation({ summary: 'Multi-year report of a district (JSON, CSV, XLSX or PDF)' })
  multiYear(@Auth() caller: AuthUser, @Query() query: MultiYearReportQuery): Promise<MultiYearReportResponse | StreamableFile> {
    return this.reports.multiYear(caller, query);
  }
}
