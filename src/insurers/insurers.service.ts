import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Database } from '../database/database.js';
import { CreateInsurerDto, InsurerResponse, toInsurerResponse } from './dto/insurer.dto.js';
import { InsurersRepository } from './insurers.repository.js';

@Injectable()
export class InsurersService {
  constructor(
    private readonly db: Database,
    private readonly insurers: InsurersRepository,
    private readonly audit: AuditService,
  ) {}

  /** Insurer staff see their own insurer; everyone else sees the whole list. */
  async list(caller: AuthUser): Promise<InsurerResponse[]> {
    return (await this.insurers.list(this.db.manager, caller.insurerId)).map(toInsurerResponse);
  }

  async create(caller: AuthUser, dto: CreateInsurerDto): Promise<InsurerResponse> {
    return this.db.transaction(async (tx) => {
      const insurer = await this.insurers.insert(tx, { name: dto.name, shortName: dto.shortName ?? null });
      await this.audit.record(tx, { actor: caller, action: 'insurer.create', entity: 'insurer', entityId: insurer.id, data: { ...dto } });
      return toInsurerResponse(insurer);
    });
  }
}
