import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { CreateDistrictDto, CreateStreetDto, DistrictResponse, StreetResponse, toDistrictResponse, toStreetResponse } from './dto/region.dto.js';
import { RegionsRepository } from './regions.repository.js';

@Injectable()
export class RegionsService {
  constructor(
    private readonly db: Database,
    private readonly regions: RegionsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Admins see every district, district staff their own, insurer staff those where their insurer holds a policy. */
  async listDistricts(caller: AuthUser): Promise<DistrictResponse[]> {
    const codes = caller.role === Role.Admin ? null
      : caller.insurerId ? await this.regions.districtCodesOfInsurer(this.db.manager, caller.insurerId)
        : [caller.districtCode ?? ''];
    return (await this.regions.listDistricts(this.db.manager, codes)).map(toDistrictResponse);
  }

  async createDistrict(caller: AuthUser, dto: CreateDistrictDto): Promise<DistrictResponse> {
    return this.db.transaction(async (tx) => {
      const district = await this.regions.insertDistrict(tx, dto);
      await this.audit.record(tx, { actor: caller, action: 'district.create', entity: 'district', entityId: district.code, districtCode: district.code, data: { ...dto } });
      return toDistrictResponse(district);
    });
  }

  async listStreets(caller: AuthUser, districtCode: string): Promise<StreetResponse[]> {
    await this.districtInScope(caller, districtCode);
    return (await this.regions.listStreets(this.db.manager, districtCode)).map(toStreetResponse);
  }

  async createStreet(caller: AuthUser, districtCode: string, dto: CreateStreetDto): Promise<StreetResponse> {
    await this.districtInScope(caller, districtCode);
    if (!dto.code.startsWith(districtCode)) {
      throw DomainError.validation('code', `street code must start with the district code ${districtCode}`);
    }
    return this.db.transaction(async (tx) => {
      const street = await this.regions.insertStreet(tx, { ...dto, districtCode });
      await this.audit.record(tx, { actor: caller, action: 'street.create', entity: 'street', entityId: street.code, districtCode, data: { ...dto } });
      return toStreetResponse(street);
    });
  }

  private async districtInScope(caller: AuthUser, code: string): Promise<void> {
    const visible = (await this.listDistricts(caller)).some((d) => d.code === code);
    if (!visible) throw DomainError.notFound('District');
  }
}
