import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { CreateInsurerDto, InsurerResponse } from './dto/insurer.dto.js';
import { InsurersService } from './insurers.service.js';
import { ApiErrors } from '../common/openapi.js';

@ApiTags('reference data')
@Controller('insurers')
export class InsurersController {
  constructor(private readonly insurers: InsurersService) {}

  @Post()
  @Authenticated({ roles: [Role.Admin] })
  @ApiCreatedResponse({ type: InsurerResponse })
  @ApiOperation({ summary: 'Add an insurer' })
  @ApiErrors(409)
  create(@Auth() caller: AuthUser, @Body() dto: CreateInsurerDto): Promise<InsurerResponse> {
    return this.insurers.create(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [InsurerResponse] })
  @ApiOperation({ summary: 'List insurers' })
  list(@Auth() caller: AuthUser): Promise<InsurerResponse[]> {
    return this.insurers.list(caller);
  }
}
