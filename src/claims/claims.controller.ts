import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { ClaimDocumentsService } from './claim-documents.service.js';
import { ClaimsService } from './claims.service.js';
import { CreateClaimDto, ListClaimsQuery, UploadDocumentDto, WithdrawClaimDto, type UploadedDocumentFile } from './dto/claim.requests.js';
import { ClaimDocumentResponse, ClaimListItemResponse, ClaimResponse } from './dto/claim.response.js';
import { ApiErrors, ApiFileResponse } from '../common/openapi.js';
import { DOCUMENT_MIME_TYPES } from './document-content.js';

@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly documents: ClaimDocumentsService,
  ) {}

  @Post()
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiCreatedResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'File a claim for a resident of the street' })
  @ApiErrors(404, 422)
  file(@Auth() caller: AuthUser, @Body() dto: CreateClaimDto): Promise<ClaimResponse> {
    return this.claims.file(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiPage(ClaimListItemResponse)
  @ApiOperation({ summary: 'List claims' })
  list(@Auth() caller: AuthUser, @Query() query: ListClaimsQuery): Promise<Page<ClaimListItemResponse>> {
    return this.claims.list(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'A claim with its documents, verification, decisions and history' })
  get(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.claims.get(caller, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'Withdraw a claim' })
  @ApiErrors(409)
  withdraw(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawClaimDto): Promise<ClaimResponse> {
    return this.claims.withdraw(caller, id, dto);
  }

  @Post(':id/documents')
  @Authenticated({ roles: [Role.StreetCadre] })
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file', 'type'], properties: { file: { type: 'string', format: 'binary' }, type: { type: 'string', example: 'police_report' } } } })
  @ApiCreatedResponse({ type: ClaimDocumentResponse })
  @ApiOperation({ summary: 'Upload a document to a claim' })
  @ApiErrors(409)
  upload(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UploadDocumentDto,
    @UploadedFile() file: UploadedDocumentFile | undefined): Promise<ClaimDocumentResponse> {
    return this.documents.upload(caller, id, dto, file);
  }

  @Get(':id/documents/:docId')
  @Authenticated()
  @ApiFileResponse('The document as uploaded', ...DOCUMENT_MIME_TYPES)
  @ApiOperation({ summary: 'Download a document of a claim' })
  download(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Param('docId', ParseUUIDPipe) docId: string): Promise<StreamableFile> {
    return this.documents.download(caller, id, docId);
  }
}
