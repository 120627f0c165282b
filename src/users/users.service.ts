import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CallerCache } from '../auth/caller-cache.js';
import { INSURER_ROLES, Role } from '../auth/role.js';
import { AppConfig } from '../config/config.js';
import { DomainError } from '../common/domain-error.js';
import { parseMoney } from '../common/money.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { InsurersRepository } from '../insurers/insurers.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/user.requests.js';
import { toUserResponse, type UserResponse } from './dto/user.response.js';
import type { User } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { isSafeUsername, normaliseUsername, SAFE_USERNAME_MESSAGE } from './username.js';
import { UsersRepository } from './users.repository.js';

const SYSTEM_ACTOR = { id: null };

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly db: Database,
    private readonly users: UsersRepository,
    private readonly regions: RegionsRepository,
    private readonly insurers: InsurersRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly callers: CallerCache,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { BOOTSTRAP_ADMIN_USERNAME: given, BOOTSTRAP_ADMIN_PASSWORD: password } = this.config;
    if (!given || !password) return;
    const username = normaliseUsername(given);
    if (!isSafeUsername(username)) throw new Error(`BOOTSTRAP_ADMIN_USERNAME: ${SAFE_USERNAME_MESSAGE}`);
    await this.db.transaction(async (tx) => {
      const adminId = await this.users.insertUnlessTaken(tx, {
        username, passwordHash: await this.passwords.hash(password), displayName: 'Administrator', role: Role.Admin,
      });
      if (!adminId) return;
      await this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'user.bootstrap_admin', entity: 'user', entityId: adminId, data: { username } });
      this.logger.log(`Created bootstrap admin ${username}`);
    });
  }

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    if (caller.role === Role.DistrictOfficer && dto.role !== Role.StreetCadre) {
      throw DomainError.forbidden('A district officer may create street cadres only');
    }
    return this.db.transaction(async (tx) => {
      const scope = await this.resolveScope(tx, dto);
      if (caller.role === Role.DistrictOfficer && scope.districtCode !== caller.districtCode) {
        throw DomainError.validation('streetCode', 'street is not in your district');
      }
      const user = await this.users.insert(tx, {
        username: dto.username,
        passwordHash: await this.passwords.hash(dto.password),
        displayName: dto.displayName,
        role: dto.role,
        ...scope,
      });
      await this.audit.record(tx, {
        actor: caller, action: 'user.create', entity: 'user', entityId: user.id, districtCode: user.districtCode,
        data: { username: user.username, role: user.role, streetCode: user.streetCode, insurerId: user.insurerId },
      });
      return toUserResponse(user);
    });
  }

  async list(caller: AuthUser, query: ListUsersQuery): Promise<Page<UserResponse>> {
    const [users, total] = await this.users.listInScope(this.db.manager, caller, query, (query.page - 1) * query.pageSize, query.pageSize);
    return pageOf(users.map(toUserResponse), total, query);
  }

  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const updated = await this.db.transaction(async (tx) => {
      const user = await this.users.findInScopeForUpdate(tx, caller, id);
      if (!user) throw DomainError.notFound('User');
      if (dto.approvalLimit !== undefined && !INSURER_ROLES.includes(user.role)) {
        throw DomainError.validation('approvalLimit', 'only insurer staff have an approval limit');
      }
      if (dto.active === false && user.id === caller.id) {
        throw DomainError.validation('active', 'you cannot disable your own account');
      }
      const before = { displayName: user.displayName, approvalLimit: user.approvalLimit, active: user.active };
      if (dto.displayName !== undefined) user.displayName = dto.displayName;
      if (dto.approvalLimit !== undefined) user.approvalLimit = parseMoney(dto.approvalLimit);
      if (dto.active !== undefined) user.active = dto.active;
      const saved = await this.users.save(tx, user);
      await this.audit.record(tx, {
        actor: caller, action: 'user.update', entity: 'user', entityId: user.id, districtCode: user.districtCode,
        data: { before, after: { displayName: saved.displayName, approvalLimit: saved.approvalLimit, active: saved.active } },
      });
      return toUserResponse(saved);
    });
    // Committed: this instance's next request of the user reads the new row (the others hear the change feed).
    this.callers.evict(id);
    return updated;
  }

  /** Which scope columns a new user gets, checked against its role and the reference data. */
  private async resolveScope(tx: EntityManager, dto: CreateUserDto): Promise<Pick<User, 'districtCode' | 'streetCode' | 'insurerId' | 'approvalLimit'>> {
    const none = { districtCode: null, streetCode: null, insurerId: null, approvalLimit: null };
    const forbid = (fields: (keyof CreateUserDto)[]) => {
      for (const field of fields) {
        if (dto[field] !== undefined) throw DomainError.validation(field, `${field} does not apply to role ${dto.role}`);
      }
    };
    switch (dto.role) {
      case Role.StreetCadre: {
        forbid(['insurerId', 'approvalLimit']);
        if (!dto.streetCode) throw DomainError.validation('streetCode', 'streetCode is required for a street cadre');
        const street = await this.regions.findStreet(tx, dto.streetCode);
        if (!street) throw DomainError.validation('streetCode', 'no such street');
        if (dto.districtCode && dto.districtCode !== street.districtCode) {
          throw DomainError.validation('districtCode', 'street is not in this district');
        }
        return { ...none, streetCode: street.code, districtCode: street.districtCode };
      }
      case Role.DistrictOfficer: {
        forbid(['streetCode', 'insurerId', 'approvalLimit']);
        if (!dto.districtCode) throw DomainError.validation('districtCode', 'districtCode is required for a district officer');
        if (!(await this.regions.findDistrict(tx, dto.districtCode))) throw DomainError.validation('districtCode', 'no such district');
        return { ...none, districtCode: dto.districtCode };
      }
      case Role.InsurerAdjuster:
      case Role.InsurerManager: {
        forbid(['streetCode', 'districtCode']);
        if (!dto.insurerId) throw DomainError.validation('insurerId', 'insurerId is required for insurer staff');
        if (dto.approvalLimit === undefined) throw DomainError.validation('approvalLimit', 'approvalLimit is required for insurer staff');
        if (!(await this.insurers.exists(tx, dto.insurerId))) throw DomainError.validation('insurerId', 'no such insurer');
        return { ...none, insurerId: dto.insurerId, approvalLimit: parseMoney(dto.approvalLimit) };
      }
      case Role.Admin:
        forbid(['streetCode', 'districtCode', 'insurerId', 'approvalLimit']);
        return none;
    }
  }
}
