import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { DistrictCodePipe } from '../common/codes.js';
import { CreateDistrictDto, CreateStreetDto, DistrictResponse, StreetResponse } from './dto/region.dto.js';
import { RegionsService } from './regions.service.js';
import { ApiErrors } from '../common/openapi.js';

@ApiTags('reference data')
@Controller('districts')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Post()
  @Authenticated({ roles: [Role.Admin] })
  @ApiCreatedResponse({ type: DistrictResponse })
  @ApiOperation({ summary: 'Add a district' })
  @ApiErrors(409)
  createDistrict(@Auth() caller: AuthUser, @Body() dto: CreateDistrictDto): Promise<DistrictResponse> {
    return this.regions.createDistrict(caller, dto);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [DistrictResponse] })
  @ApiOperation({ summary: 'List districts' })
  listDistricts(@Auth() caller: AuthUser): Promise<DistrictResponse[]> {
    return this.regions.listDistricts(caller);
  }

  @Post(':code/streets')
  @Authenticated({ roles: [Role.Admin, Role.DistrictOfficer] })
  @ApiCreatedResponse({ type: StreetResponse })
  @ApiOperation({ summary: 'Add a street to a district' })
  @ApiErrors(400, 404, 409)
  createStreet(@Auth() caller: AuthUser, @Param('code', DistrictCodePipe) code: string, @Body() dto: CreateStreetDto): Promise<StreetResponse> {
    return this.regions.createStreet(caller, code, dto);
  }

  @Get(':code/streets')
  @Authenticated()
  @ApiOkResponse({ type: [StreetResponse] })
  @ApiOperation({ summary: 'List the streets of a district' })
  @ApiErrors(400, 404)
  listStreets(@Auth() caller: AuthUser, @Param('code', DistrictCodePipe) code: string): Promise<StreetResponse[]> {
    return this.regions.listStreets(caller, code);
  }
}
