import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { insertRow } from '../database/insert-row.js';
import { EventType } from './entities/event-type.entity.js';

@Injectable()
export class CatalogRepository {
  listAll(db: EntityManager): Promise<EventType[]> {
    return db.getRepository(EventType).find({ order: { sortOrder: 'ASC' } });
  }

  findByCodes(tx: EntityManager, codes: string[]): Promise<EventType[]> {
    return tx.getRepository(EventType).find({ where: { code: In(codes) }, order: { sortOrder: 'ASC' } });
  }

  exists(tx: EntityManager, code: string): Promise<boolean> {
    return tx.getRepository(EventType).existsBy({ code });
  }

  findForUpdate(tx: EntityManager, code: string): Promise<EventType | null> {
    return tx.getRepository(EventType).createQueryBuilder('e').where('e.code = :code', { code }).setLock('pessimistic_write').getOne();
  }

  save(tx: EntityManager, eventType: EventType): Promise<EventType> {
    return tx.getRepository(EventType).save(eventType);
  }

  /** New types go to the end of the catalogue order. */
  async insert(tx: EntityManager, eventType: Omit<EventType, 'sortOrder' | 'createdAt'>): Promise<EventType> {
    const [{ next }]: { next: number }[] = await tx.query('SELECT coalesce(max(sort_order), 0) + 1 AS next FROM event_type');
    return insertRow(tx, EventType, { ...eventType, sortOrder: next });
  }
}
