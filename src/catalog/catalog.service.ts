import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { parseMoney } from '../common/money.js';
import { Database } from '../database/database.js';
import { CatalogRepository } from './catalog.repository.js';
import { DenialReasonsRepository } from './denial-reasons.repository.js';
import { toDenialReasonResponse, type DenialReasonResponse } from './dto/denial-reason.dto.js';
import { CreateEventTypeDto, EventTypeResponse, toEventTypeResponse } from './dto/event-type.dto.js';

@Injectable()
export class CatalogService {
  constructor(
    private readonly db: Database,
    private readonly catalog: CatalogRepository,
    private readonly denialReasons: DenialReasonsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<EventTypeResponse[]> {
    return (await this.catalog.listAll(this.db.manager)).map(toEventTypeResponse);
  }

  async listDenialReasons(): Promise<DenialReasonResponse[]> {
    return (await this.denialReasons.listAll(this.db.manager)).map(toDenialReasonResponse);
  }

  async create(caller: AuthUser, dto: CreateEventTypeDto): Promise<EventTypeResponse> {
    const perClaimLimit = parseMoney(dto.defaults.perClaimLimit);
    if (perClaimLimit <= 0n) throw DomainError.validation('defaults.perClaimLimit', 'must be greater than zero');
    return this.db.transaction(async (tx) => {
      const created = await this.catalog.insert(tx, {
        code: dto.code,
        nameZh: dto.nameZh,
        nameEn: dto.nameEn,
        category: dto.category,
        requiredDocuments: [...new Set(dto.requiredDocuments)],
        defaultPerClaimLimit: perClaimLimit,
        defaultDeductible: parseMoney(dto.defaults.deductible),
        defaultPayoutRatioBp: dto.defaults.payoutRatioBp,
        defaultReportWindowDays: dto.defaults.reportWindowDays,
      });
      await this.audit.record(tx, { actor: caller, action: 'event_type.create', entity: 'event_type', entityId: created.code, data: { ...dto } });
      return toEventTypeResponse(created);
    });
  }
}
