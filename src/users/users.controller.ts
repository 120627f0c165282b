import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { Auth, Authenticated } from '../auth/authenticated.decorator.js';
import { Role } from '../auth/role.js';
import { ApiPage, type Page } from '../common/pagination.js';
import { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.requests.js';
import { UserResponse } from './dto/user.response.js';
import { UsersService } from './users.service.js';
import { ApiErrors } from '../common/openapi.js';

const MANAGERS = [Role.Admin, Role.DistrictOfficer];

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Authenticated({ roles: MANAGERS })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiOperation({ summary: 'Create a user' })
  @ApiErrors(409)
  create(@Auth() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Authenticated({ roles: MANAGERS })
  @ApiPage(UserResponse)
  @ApiOperation({ summary: 'List users' })
  list(@Auth() caller: AuthUser, @Query() query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(caller, query);
  }

  @Patch(':id')
  @Authenticated({ roles: MANAGERS })
  @ApiOkResponse({ type: UserResponse })
  @ApiOperation({ summary: 'Change a user' })
  update(@Auth() caller: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return this.users.update(caller, id, dto);
  }
}
