import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError } from '../common/domain-error.js';
import { parseMoney } from '../common/money.js';
import { Database } from '../database/database.js';
import { CatalogRepository } from './catalog.repository.js';
import { DenialReasonsRepository } from './denial-reasons.repository.js';
import { toDenialReasonResponse, type DenialReasonResponse } from './dto/denial-reason.dto.js';
import type { EventType } from './entities/event-type.entity.js';
import { CreateEventTypeDto, EventTypeResponse, toEventTypeResponse, UpdateEventTypeDto } from './dto/event-type.dto.js';

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
    const perClaimLimit = positiveLimit(dto.defaults.perClaimLimit);
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

  /** An admin changes a catalogue entry; the audit keeps it before and after. Policies' coverages are copies and stay as they are. */
  async update(caller: AuthUser, code: string, dto: UpdateEventTypeDto): Promise<EventTypeResponse> {
    const defaults = dto.defaults ?? {};
    const changes: Partial<EventType> = {
      nameZh: dto.nameZh,
      nameEn: dto.nameEn,
      category: dto.category,
      requiredDocuments: dto.requiredDocuments && [...new Set(dto.requiredDocuments)],
      defaultPerClaimLimit: defaults.perClaimLimit === undefined ? undefined : positiveLimit(defaults.perClaimLimit),
      defaultDeductible: defaults.deductible === undefined ? undefined : parseMoney(defaults.deductible),
      defaultPayoutRatioBp: defaults.payoutRatioBp,
      defaultReportWindowDays: defaults.reportWindowDays,
    };
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<EventType>;
    return this.db.transaction(async (tx) => {
      const current = await this.catalog.findForUpdate(tx, code);
      if (!current) throw DomainError.notFound('Event type');
      const before = toEventTypeResponse(current);
      const updated = await this.catalog.save(tx, Object.assign(current, given));
      await this.audit.record(tx, {
        actor: caller, action: 'event_type.update', entity: 'event_type', entityId: code,
        data: { before, after: toEventTypeResponse(updated) },
      });
      return toEventTypeResponse(updated);
    });
  }
}

function positiveLimit(value: string): bigint {
  const limit = parseMoney(value);
  if (limit <= 0n) throw DomainError.validation('defaults.perClaimLimit', 'must be greater than zero');
  return limit;
}
