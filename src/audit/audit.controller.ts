import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { AuditService } from './audit.service.js';
import { AuditEventResponse, AuditVerifyResponse, ListAuditQuery } from './dto/audit.dto.js';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated({ roles: [Role.Admin, Role.DistrictOfficer] })
  @ApiPage(AuditEventResponse)
  @ApiOperation({ summary: 'List audit events' })
  list(@Auth() caller: AuthUser, @Query() query: ListAuditQuery): Promise<Page<AuditEventResponse>> {
    return this.audit.list(caller, query);
  }

  @Get('verify')
  @Authenticated({ roles: [Role.Admin, Role.DistrictOfficer] })
  @ApiOkResponse({ type: AuditVerifyResponse })
  @ApiOperation({ summary: 'Check the audit hash chains the caller may see (one per district, one for system-wide events)' })
  verify(@Auth() caller: AuthUser): Promise<AuditVerifyResponse> {
    return this.audit.verify(caller);
  }
}
