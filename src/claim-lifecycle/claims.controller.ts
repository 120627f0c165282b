import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ClaimDocumentsService } from '../claims/claim-documents.service.js';
import { ClaimsService } from '../claims/claims.service.js';
import { CreateClaimDto, ExportClaimsQuery, ListClaimsQuery, UploadDocumentDto, WithdrawClaimDto, type UploadedDocumentFile } from '../claims/dto/claim.requests.js';
import { ClaimDocumentResponse, ClaimListItemResponse } from '../claims/dto/claim.response.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { LedgerExportService } from '../ledgers/ledger-export.service.js';
import { AssessmentDto, DecisionDto, PaymentDto } from '../payouts/dto/payout.requests.js';
import { PayoutQuoteResponse } from '../payouts/dto/payout-quote.response.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from '../payouts/idempotency-key.decorator.js';
import { sendIdempotent } from '../payouts/idempotent-response.js';
import { PayoutsService } from '../payouts/payouts.service.js';
import { ClaimNoticesService } from '../reports/claim-notices.service.js';
import { RecordVerificationDto, ReturnClaimDto } from '../verification/dto/verification.requests.js';
import { ClaimLifecycleService } from './claim-lifecycle.service.js';
import { ClaimResponse } from './dto/claim.response.js';
import { ApiError, ApiErrors, ApiFileResponse } from '../common/openapi.js';
import { DOCUMENT_MIME_TYPES } from '../claims/document-content.js';

const INSURER = [Role.InsurerAdjuster, Role.InsurerManager];

/** Every route under /claims, in the order a claim goes through them. */
@ApiTags('claims')
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly lifecycle: ClaimLifecycleService,
    private readonly claims: ClaimsService,
    private readonly documents: ClaimDocumentsService,
    private readonly payouts: PayoutsService,
    private readonly notices: ClaimNoticesService,
    private readonly exporter: LedgerExportService,
  ) {}

  @Post()
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiCreatedResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'File a claim for a resident of the street' })
  @ApiErrors(404, 422)
  file(@Auth() caller: AuthUser, @Body() dto: CreateClaimDto): Promise<ClaimResponse> {
    return this.lifecycle.file(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiPage(ClaimListItemResponse)
  @ApiOperation({ summary: 'List claims' })
  list(@Auth() caller: AuthUser, @Query() query: ListClaimsQuery): Promise<Page<ClaimListItemResponse>> {
    return this.claims.list(caller, query);
  }

  @Get('export.xlsx')
  @Authenticated()
  @ApiOperation({ summary: 'Export the listed claims as an Excel ledger (台账)' })
  @ApiFileResponse('the claims of GET /claims (same filters, same scope) as a ledger (台账) in the import columns, with a totals row', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  exportLedger(@Auth() caller: AuthUser, @Query() query: ExportClaimsQuery): Promise<StreamableFile> {
    return this.exporter.export(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'A claim with its documents, verification, decisions and history' })
  get(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.lifecycle.get(caller, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse })
  @ApiOperation({ summary: 'Withdraw a claim' })
  @ApiErrors(409)
  withdraw(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: WithdrawClaimDto): Promise<ClaimResponse> {
    return this.lifecycle.withdraw(caller, id, dto);
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

  @Post(':id/verification/start')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now verifying' })
  @ApiOperation({ summary: 'Start the site verification' })
  @ApiErrors(409)
  startVerification(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.lifecycle.startVerification(caller, id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now verified' })
  @ApiOperation({ summary: 'Record the site verification' })
  @ApiErrors(409, 422)
  recordVerification(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordVerificationDto): Promise<ClaimResponse> {
    return this.lifecycle.recordVerification(caller, id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre, ...INSURER] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now needs_info' })
  @ApiOperation({ summary: 'Return a claim for more information' })
  @ApiErrors(409)
  returnForInformation(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnClaimDto): Promise<ClaimResponse> {
    return this.lifecycle.returnForInformation(caller, id, dto);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, back in the state it was returned from' })
  @ApiOperation({ summary: 'Resubmit a returned claim' })
  @ApiErrors(409)
  resubmit(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.lifecycle.resubmit(caller, id);
  }

  @Get(':id/payout-quote')
  @Authenticated({ roles: [...INSURER, Role.DistrictOfficer] })
  @ApiOkResponse({ type: PayoutQuoteResponse, description: 'Every step of the payout calculation' })
  @ApiOperation({ summary: 'The payout calculation, step by step' })
  @ApiErrors(409)
  quote(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PayoutQuoteResponse> {
    return this.payouts.quote(caller, id);
  }

  @Post(':id/assessment')
  @HttpCode(200)
  @Authenticated({ roles: INSURER })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now assessed' })
  @ApiOperation({ summary: 'Assess the payable amount' })
  @ApiErrors(409, 422)
  assess(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: AssessmentDto): Promise<ClaimResponse> {
    return this.lifecycle.assess(caller, id, dto);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Authenticated({ roles: INSURER })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now approved or denied' })
  @ApiOperation({ summary: 'Approve or deny a claim' })
  @ApiErrors(409, 422)
  decide(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto): Promise<ClaimResponse> {
    return this.lifecycle.decide(caller, id, dto);
  }

  @Post(':id/payment')
  @HttpCode(200)
  @Authenticated({ roles: [Role.InsurerManager] })
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: true, description: 'Repeating a request with the same key and body returns the stored response' })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now paid' })
  @ApiOperation({ summary: 'Record the payment, once per Idempotency-Key' })
  @ApiErrors(409, 422)
  async pay(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @IdempotencyKey() key: string,
    @Body() dto: PaymentDto, @Res({ passthrough: true }) res: Response): Promise<ClaimResponse> {
    return sendIdempotent(res, await this.lifecycle.pay(caller, id, key, dto));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ roles: [...INSURER, Role.DistrictOfficer] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now closed' })
  @ApiOperation({ summary: 'Close a paid or denied claim' })
  @ApiErrors(409)
  close(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.lifecycle.close(caller, id);
  }

  @Get(':id/notice.pdf')
  @Authenticated()
  @ApiFileResponse('理赔通知书: the payout notice of a paid claim, as an A4 PDF', 'application/pdf')
  @ApiError(409, 'INVALID_TRANSITION: the claim is not paid.')
  @ApiOperation({ summary: 'Payout notice (理赔通知书) of a paid claim, as PDF' })
  notice(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return this.notices.payoutNotice(caller, id);
  }

  @Get(':id/denial-notice.pdf')
  @Authenticated()
  @ApiFileResponse('拒赔通知书: the refusal notice of a denied claim (reason, policy clause, note, date, how to object), as an A4 PDF', 'application/pdf')
  @ApiError(409, 'INVALID_TRANSITION: the claim is not denied.')
  @ApiOperation({ summary: 'Refusal notice (拒赔通知书) of a denied claim, as PDF' })
  denialNotice(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    return this.notices.denialNotice(caller, id);
  }
}
