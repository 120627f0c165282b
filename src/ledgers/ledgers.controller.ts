import { Body, Controller, Get, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiError, ApiFileResponse } from '../common/openapi.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { ImportClaimsDto, ListImportsQuery, TemplateQuery, type UploadedLedgerFile } from './dto/ledger.requests.js';
import { ImportResultResponse, LedgerImportResponse } from './dto/ledger.responses.js';
import { LedgerImportService } from './ledger-import.service.js';

const IMPORTERS = [Role.DistrictOfficer, Role.Admin];

@ApiTags('imports')
@Controller('imports')
export class LedgersController {
  constructor(private readonly imports: LedgerImportService) {}

  @Post('claims')
  @Authenticated({ roles: IMPORTERS })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object', required: ['file', 'districtCode', 'year'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'the ledger (台账), .xlsx' },
        districtCode: { type: 'string', example: '350205' },
        year: { type: 'integer', example: 2022 },
        dryRun: { type: 'boolean', example: false },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportResultResponse, description: 'imported: every row became a claim' })
  @ApiOkResponse({ type: ImportResultResponse, description: 'dryRun=true: every row passed, nothing written' })
  @ApiError(409, 'CONFLICT: the same file (by SHA-256) was imported before; details name the import.')
  @ApiError(413, 'Over LEDGER_MAX_BYTES.')
  @ApiOperation({ summary: 'Import a historical claims ledger (all rows or none)' })
  async importClaims(@Auth() caller: AuthUser, @Body() dto: ImportClaimsDto, @UploadedFile() file: UploadedLedgerFile | undefined,
    @Res({ passthrough: true }) response: Response): Promise<ImportResultResponse> {
    const result = await this.imports.importClaims(caller, dto, file);
    response.status(result.dryRun ? 200 : 201);
    return result;
  }

  @Get()
  @Authenticated({ roles: IMPORTERS })
  @ApiPage(LedgerImportResponse)
  @ApiOperation({ summary: 'List ledger imports' })
  list(@Auth() caller: AuthUser, @Query() query: ListImportsQuery): Promise<Page<LedgerImportResponse>> {
    return this.imports.list(caller, query);
  }

  @Get('claims/template.xlsx')
  @Authenticated({ roles: IMPORTERS })
  @ApiOperation({ summary: 'Download the ledger template (XLSX)' })
  @ApiFileResponse('the ledger template: headers, an example row, drop-down lists for 街道, 事件类型 and 状态', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  template(@Auth() caller: AuthUser, @Query() query: TemplateQuery): Promise<StreamableFile> {
    return this.imports.template(caller, query);
  }
}
