import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { CreateResidentDto, ListResidentsQuery } from './dto/resident.requests.js';
import { ResidentResponse, RevealedResidentResponse } from './dto/resident.response.js';
import { ResidentsService } from './residents.service.js';
import { ApiErrors } from '../common/openapi.js';

const REGISTRARS = [Role.StreetCadre, Role.DistrictOfficer];
const READERS = [Role.StreetCadre, Role.DistrictOfficer, Role.Admin];

@ApiTags('residents')
@Controller('residents')
export class ResidentsController {
  constructor(private readonly residents: ResidentsService) {}

  @Post()
  @Authenticated({ roles: REGISTRARS })
  @ApiCreatedResponse({ type: ResidentResponse })
  @ApiOperation({ summary: 'Register a resident' })
  @ApiErrors(409, 422)
  register(@Auth() caller: AuthUser, @Body() dto: CreateResidentDto): Promise<ResidentResponse> {
    return this.residents.register(caller, dto);
  }

  @Get()
  @Authenticated({ roles: READERS })
  @ApiPage(ResidentResponse)
  @ApiOperation({ summary: 'Find residents' })
  list(@Auth() caller: AuthUser, @Query() query: ListResidentsQuery): Promise<Page<ResidentResponse>> {
    return this.residents.list(caller, query);
  }

  @Get(':id')
  @Authenticated({ roles: READERS })
  @ApiOkResponse({ type: ResidentResponse })
  @ApiOperation({ summary: 'A resident, with ID number and phone masked' })
  get(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<ResidentResponse> {
    return this.residents.get(caller, id);
  }

  @Post(':id/reveal')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Authenticated({ roles: REGISTRARS })
  @ApiOkResponse({ type: RevealedResidentResponse, description: 'Audited; district officers and cadres of the street only' })
  @ApiOperation({ summary: 'Reveal the ID number and phone (audited)' })
  reveal(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<RevealedResidentResponse> {
    return this.residents.reveal(caller, id);
  }
}
