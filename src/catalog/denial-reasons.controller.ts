import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CatalogService } from './catalog.service.js';
import { DenialReasonResponse } from './dto/denial-reason.dto.js';

@ApiTags('reference data')
@Controller('denial-reasons')
export class DenialReasonsController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [DenialReasonResponse] })
  @ApiOperation({ summary: 'List the denial reasons a refusal may give (拒赔理由)' })
  list(): Promise<DenialReasonResponse[]> {
    return this.catalog.listDenialReasons();
  }
}
