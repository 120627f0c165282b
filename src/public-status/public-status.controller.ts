import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '../common/openapi.js';
import { ClaimStatusLookupDto, ClaimStatusResponse } from './dto/claim-status.dto.js';
import { PublicStatusService } from './public-status.service.js';

/** No token: the resident's own entry (like the 便民服务 menu of a district's WeChat account). */
@ApiTags('public')
@Controller('public')
export class PublicStatusController {
  constructor(private readonly status: PublicStatusService) {}

  @Post('claim-status')
  @HttpCode(200)
  @ApiOkResponse({ type: ClaimStatusResponse, description: 'The claim\'s progress, without anything personal' })
  @ApiOperation({ summary: 'A resident looks up their claim by claim number and the last six characters of their ID number' })
  @ApiError(404, 'An unknown claim number and a wrong idNumberLast6 get the same answer.')
  @ApiError(429, 'Attempts are limited per address and per claim number.')
  lookup(@Body() dto: ClaimStatusLookupDto): Promise<ClaimStatusResponse> {
    return this.status.lookup(dto);
  }
}
