import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto } from '../common/field-crypto.js';
import { normaliseIdNumber } from '../common/id-number.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { CreateResidentDto, ListResidentsQuery } from './dto/resident.requests.js';
import { toResidentResponse, type ResidentResponse, type RevealedResidentResponse } from './dto/resident.response.js';
import { protectResidentPii } from './resident-pii.js';
import { ResidentsRepository } from './residents.repository.js';

@Injectable()
export class ResidentsService {
  constructor(
    private readonly db: Database,
    private readonly residents: ResidentsRepository,
    private readonly regions: RegionsRepository,
    private readonly crypto: FieldCrypto,
    private readonly audit: AuditService,
  ) {}

  /** A cadre registers residents of their own street, a district officer of any street of the district. */
  async register(caller: AuthUser, dto: CreateResidentDto): Promise<ResidentResponse> {
    const idNumber = normaliseIdNumber(dto.idNumber);
    return this.db.transaction(async (tx) => {
      const street = await this.regions.findStreet(tx, dto.streetCode);
      if (!street) throw DomainError.validation('streetCode', 'no such street');
      if (caller.role === Role.StreetCadre && street.code !== caller.streetCode) {
        throw DomainError.rule('RESIDENT_OUT_OF_STREET', 'A cadre registers residents of their own street only', { streetCode: street.code });
      }
      if (caller.role !== Role.StreetCadre && street.districtCode !== caller.districtCode) {
        throw DomainError.rule('RESIDENT_OUT_OF_DISTRICT', 'A district officer registers residents of their own district only', { streetCode: street.code });
      }
      const pii = protectResidentPii(this.crypto, idNumber, dto.phone);
      const resident = await this.residents.insertUnlessRegistered(tx, {
        name: dto.name,
        ...pii,
        districtCode: street.districtCode,
        streetCode: street.code,
        address: dto.address,
        coverBasis: dto.coverBasis,
        createdBy: caller.id,
      });
      if (!resident) {
        const existing = await this.residents.findByIdNumberIndex(tx, pii.idNumberIndex);
        throw DomainError.conflict('A resident with this ID number is already registered', [
          { field: 'idNumber', message: 'already registered', residentId: existing?.id ?? null },
        ]);
      }
      await this.audit.record(tx, {
        actor: caller, action: 'resident.create', entity: 'resident', entityId: resident.id, districtCode: resident.districtCode,
        data: { name: resident.name, streetCode: resident.streetCode, coverBasis: resident.coverBasis, idNumberMasked: resident.idNumberMasked },
      });
      return toResidentResponse(resident);
    });
  }

  async list(caller: AuthUser, query: ListResidentsQuery): Promise<Page<ResidentResponse>> {
    const [residents, total] = await this.residents.listInScope(this.db.manager, caller, {
      idNumberIndex: query.idNumber === undefined ? undefined : this.crypto.blindIndex(query.idNumber),
      name: query.name,
      streetCode: query.streetCode,
    }, (query.page - 1) * query.pageSize, query.pageSize);
    return pageOf(residents.map(toResidentResponse), total, query);
  }

  async get(caller: AuthUser, id: string): Promise<ResidentResponse> {
    const resident = await this.residents.findInScope(this.db.manager, caller, id);
    if (!resident) throw DomainError.notFound('Resident');
    return toResidentResponse(resident);
  }

  /** Decrypts the ID number and phone for the caller; the audit event records who looked, not what they saw. */
  async reveal(caller: AuthUser, id: string): Promise<RevealedResidentResponse> {
    return this.db.transaction(async (tx) => {
      const resident = await this.residents.findInScope(tx, caller, id);
      if (!resident) throw DomainError.notFound('Resident');
      const revealed = { idNumber: this.crypto.decrypt(resident.idNumberCipher), phone: this.crypto.decrypt(resident.phoneCipher) };
      await this.audit.record(tx, {
        actor: caller, action: 'resident.reveal', entity: 'resident', entityId: resident.id, districtCode: resident.districtCode,
        data: { fields: ['idNumber', 'phone'], idNumberMasked: resident.idNumberMasked },
      });
      return revealed;
    });
  }
}
