import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ClaimResponse } from '../claims/dto/claim.response.js';
import { RecordVerificationDto, ReturnClaimDto } from './dto/verification.requests.js';
import { VerificationService } from './verification.service.js';
import { ApiErrors } from '../common/openapi.js';

@ApiTags('claims')
@Controller('claims')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Post(':id/verification/start')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now verifying' })
  @ApiOperation({ summary: 'Start the site verification' })
  @ApiErrors(409)
  start(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.verification.start(caller, id);
  }

  @Post(':id/verification')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now verified' })
  @ApiOperation({ summary: 'Record the site verification' })
  @ApiErrors(409, 422)
  record(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: RecordVerificationDto): Promise<ClaimResponse> {
    return this.verification.record(caller, id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre, Role.InsurerAdjuster, Role.InsurerManager] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, now needs_info' })
  @ApiOperation({ summary: 'Return a claim for more information' })
  @ApiErrors(409)
  returnForInformation(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: ReturnClaimDto): Promise<ClaimResponse> {
    return this.verification.returnForInformation(caller, id, dto);
  }

  @Post(':id/resubmit')
  @HttpCode(200)
  @Authenticated({ roles: [Role.StreetCadre] })
  @ApiOkResponse({ type: ClaimResponse, description: 'The claim, back in the state it was returned from' })
  @ApiOperation({ summary: 'Resubmit a returned claim' })
  @ApiErrors(409)
  resubmit(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ClaimResponse> {
    return this.verification.resubmit(caller, id);
  }
}
