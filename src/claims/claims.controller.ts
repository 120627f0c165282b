import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { ClaimDocumentsService } from './claim-documents.service.js';
import { ClaimsExportService } from './claims-export.service.js';
import { ClaimsService } from './claims.service.js';
import { CreateClaimDto, ExportClaimsQuery, ListClaimsQuery, UploadDocumentDto, WithdrawClaimDto, type UploadedDocumentFile } from './dto/claim.requests.js';
import { ClaimDocumentResponse, ClaimListItemResponse, ClaimResponse } from './dto/claim.response.js';

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly documents: ClaimDocumentsService,
    private readonly exporter: ClaimsExportService,
  ) {}

  @Post()
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiCreatedResponse({ type: ClaimResponse })
  file(@Auth() caller: AuthUser, @Body() dto: CreateClaimDto): Promise<ClaimResponse> {
    return this.claims.file(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiPage(ClaimListItemResponse)
  list(@Auth() caller: AuthUser, @Query() query: ListClaimsQuery): Promise<Page<ClaimListItemResponse>> {
    return this.claims.list(caller, query);
  }

  @Get('export.xlsx')
  @Authenticated()
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'the claims of GET /claims (same filters, same scope) as a ledger (台账) in the import columns, with a totals row' })
  exportLedger(@Auth() caller: AuthUser, @Query() query: ExportClaimsQuery): Promise<StreamableFile> {
    return this.exporter.export(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: ClaimResponse })
  get(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.claims.get(caller, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse })
  withdraw(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawClaimDto): Promise<ClaimResponse> {
    return this.claims.withdraw(caller, id, dto);
  }

  @Post(':id/documents')
  @Authenticated({ roles: [Role.StreetCadre] })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'type'], properties: { file: { type: 'string', format: 'binary' }, type: { type: 'string', example: 'police_report' } } } })
  @ApiCreatedResponse({ type: ClaimDocumentResponse })
  upload(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UploadDocumentDto,
    @UploadedFile() file: UploadedDocumentFile | undefined): Promise<ClaimDocumentResponse> {
    return this.documents.upload(caller, id, dto, file);
  }

  @Get(':id/documents/:docId')
  @Authenticated()
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  download(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('docId', ParseUUIDPipe) docId: string): Promise<StreamableFile> {
    return this.documents.download(caller, id, docId);
  }
}
