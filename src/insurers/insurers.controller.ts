import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { CreateInsurerDto, InsurerResponse } from './dto/insurer.dto.js';
import { InsurersService } from './insurers.service.js';

@ApiTags('reference data')
@Controller('insurers')
export class InsurersController {
  constructor(private readonly insurers: InsurersService) {}

  @Post()
  @Authenticated({ roles: [Role.Admin] })
  @ApiCreatedResponse({ type: InsurerResponse })
  create(@Auth() caller: AuthUser, @Body() dto: CreateInsurerDto): Promise<InsurerResponse> {
    return this.insurers.create(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [InsurerResponse] })
  list(@Auth() caller: AuthUser): Promise<InsurerResponse[]> {
    return this.insurers.list(caller);
  }
}
