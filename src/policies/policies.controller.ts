import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { CreatePolicyDto, ListPoliciesQuery, UpdatePolicyDto } from './dto/policy.requests.js';
import { PolicyResponse } from './dto/policy.response.js';
import { PoliciesService } from './policies.service.js';
import { ApiError, ApiErrors } from '../common/openapi.js';

const MANAGERS = [Role.Admin, Role.DistrictOfficer];

@ApiTags('policies')
@Controller('policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Post()
  @Authenticated({ roles: MANAGERS })
  @ApiCreatedResponse({ type: PolicyResponse, description: 'the new policy, status draft' })
  @ApiError(409, 'CONFLICT: the policy number is taken.')
  @ApiOperation({ summary: 'Create a draft policy with its coverages' })
  create(@Auth() caller: AuthUser, @Body() dto: CreatePolicyDto): Promise<PolicyResponse> {
    return this.policies.create(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiPage(PolicyResponse)
  @ApiOperation({ summary: 'List policies' })
  list(@Auth() caller: AuthUser, @Query() query: ListPoliciesQuery): Promise<Page<PolicyResponse>> {
    return this.policies.list(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOkResponse({ type: PolicyResponse })
  @ApiOperation({ summary: 'A policy with its coverages and what it has used' })
  get(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PolicyResponse> {
    return this.policies.get(caller, id);
  }

  @Patch(':id')
  @Authenticated({ roles: MANAGERS })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiError(422, 'POLICY_NOT_DRAFT.')
  @ApiOperation({ summary: 'Change a draft policy' })
  @ApiErrors(409)
  update(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdatePolicyDto): Promise<PolicyResponse> {
    return this.policies.update(caller, id, dto);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @Authenticated({ roles: MANAGERS })
  @ApiOkResponse({ type: PolicyResponse })
  @ApiError(409, 'CONFLICT: another active policy of the district overlaps or has the same year.')
  @ApiError(422, 'POLICY_NOT_DRAFT or POLICY_INCOMPLETE.')
  @ApiOperation({ summary: 'Activate a draft policy' })
  activate(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<PolicyResponse> {
    return this.policies.activate(caller, id);
  }
}
