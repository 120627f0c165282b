import { ApiProperty } from '@nestjs/swagger';
import { formatMoney } from '../../common/money.js';
import { ROLES, type Role } from '../../auth/role.js';
import type { AuthUser } from '../../auth/auth-user.js';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, nullable: true, example: '350205' }) districtCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '350205001' }) streetCode: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) insurerId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '50000.00' }) approvalLimit: string | null;
  @ApiProperty() active: boolean;
}

export function toUserResponse(user: AuthUser & { active: boolean }): UserResponse {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtCode: user.districtCode,
    streetCode: user.streetCode,
    insurerId: user.insurerId,
    approvalLimit: user.approvalLimit === null ? null : formatMoney(user.approvalLimit),
    active: user.active,
  };
}
