import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { CatalogService } from './catalog.service.js';
import { CreateEventTypeDto, EventTypeResponse, UpdateEventTypeDto } from './dto/event-type.dto.js';
import { ApiErrors } from '../common/openapi.js';

@ApiTags('reference data')
@Controller('event-types')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: [EventTypeResponse] })
  @ApiOperation({ summary: 'List the event catalogue' })
  list(): Promise<EventTypeResponse[]> {
    return this.catalog.list();
  }

  @Post()
  @Authenticated({ roles: [Role.Admin] })
  @ApiCreatedResponse({ type: EventTypeResponse })
  @ApiOperation({ summary: 'Add an event type' })
  @ApiErrors(409)
  create(@Auth() caller: AuthUser, @Body() dto: CreateEventTypeDto): Promise<EventTypeResponse> {
    return this.catalog.create(caller, dto);
  }

  @Patch(':code')
  @Authenticated({ roles: [Role.Admin] })
  @ApiOkResponse({ type: EventTypeResponse })
  @ApiOperation({ summary: 'Change an event type (names, category, required documents, defaults); coverages on policies keep their copies' })
  @ApiErrors(404)
  update(@Auth() caller: AuthUser, @Param('code') code: string, @Body() dto: UpdateEventTypeDto): Promise<EventTypeResponse> {
    return this.catalog.update(caller, code, dto);
  }
}
