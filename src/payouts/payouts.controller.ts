import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ClaimResponse } from '../claims/dto/claim.response.js';
import { AssessmentDto, DecisionDto, PaymentDto } from './dto/payout.requests.js';
import { PayoutQuoteResponse } from './dto/payout-quote.response.js';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyKey } from './idempotency-key.decorator.js';
import { sendIdempotent } from './idempotent-response.js';
import { PaymentsService } from './payments.service.js';
import { PayoutsService } from './payouts.service.js';
import { ApiErrors } from '../common/openapi.js';

const INSURER = [Role.InsurerAdjuster, Role.InsurerManager];

@ApiTags('claims')
@Controller('claims')
export class PayoutsController {
  constructor(
    private readonly payouts: PayoutsService,
    private readonly payments: PaymentsService,
  ) {}

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
    return this.payouts.assess(caller, id, dto);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Authenticated({ roles: INSURER })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now approved or denied' })
  @ApiOperation({ summary: 'Approve or deny a claim' })
  @ApiErrors(409, 422)
  decide(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: DecisionDto): Promise<ClaimResponse> {
    return this.payouts.decide(caller, id, dto);
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
    return sendIdempotent(res, await this.payments.pay(caller, id, key, dto));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Authenticated({ roles: [...INSURER, Role.DistrictOfficer] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now closed' })
  @ApiOperation({ summary: 'Close a paid or denied claim' })
  @ApiErrors(409)
  close(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.payouts.close(caller, id);
  }
}
