import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DenialReason } from './entities/denial-reason.entity.js';

/** The denial reason catalogue: the one list of codes a denial may give. */
@Injectable()
export class DenialReasonsRepository {
  listAll(db: EntityManager): Promise<DenialReason[]> {
    return db.getRepository(DenialReason).find({ order: { sortOrder: 'ASC' } });
  }

  exists(db: EntityManager, code: string): Promise<boolean> {
    return db.getRepository(DenialReason).existsBy({ code });
  }
}
