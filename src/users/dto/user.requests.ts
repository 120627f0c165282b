import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { IsMoney } from '../../common/money.js';
import { PageQuery } from '../../common/pagination.js';
import { ROLES, type Role } from '../../auth/role.js';
import { normaliseUsername, SAFE_USERNAME, SAFE_USERNAME_MESSAGE } from '../username.js';

export class CreateUserDto {
  @ApiProperty({ example: 'haicang.cadre3', pattern: SAFE_USERNAME.source, description: 'stored in its normal form: NFKC, ASCII letters lower-cased' })
  @Transform(({ value }) => (typeof value === 'string' ? normaliseUsername(value) : value))
  @IsString() @Matches(SAFE_USERNAME, { message: SAFE_USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'a-long-password', minLength: 10 })
  @IsString() @MinLength(10) @MaxLength(200)
  password: string;

  @ApiProperty({ example: '陈文静' })
  @IsString() @MinLength(1) @MaxLength(100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ example: '350205' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'districtCode must be 6 digits' })
  districtCode?: string;

  @ApiPropertyOptional({ example: '350205001' })
  @IsOptional() @Matches(/^\d{9}$/, { message: 'streetCode must be 9 digits' })
  streetCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional() @IsUUID()
  insurerId?: string;

  @ApiPropertyOptional({ example: '50000.00' })
  @IsOptional() @IsMoney()
  approvalLimit?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ example: '50000.00' })
  @IsOptional() @IsMoney()
  approvalLimit?: string;

  @ApiPropertyOptional()
  @IsOptional() @IsBoolean()
  active?: boolean;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional() @IsIn(ROLES)
  role?: Role;
}
