import { formatMoney } from '../../common/money.js';
import type { UserResponse } from '../../users/dto/user.response.js';
import type { AuthUser } from '../auth-user.js';

export function meResponse(user: AuthUser): UserResponse {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    districtCode: user.districtCode,
    streetCode: user.streetCode,
    insurerId: user.insurerId,
    approvalLimit: user.approvalLimit === null ? null : formatMoney(user.approvalLimit),
    active: true,
  };
}
