import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRow } from '../database/insert-row.js';
import { Insurer } from './entities/insurer.entity.js';

@Injectable()
export class InsurersRepository {
  exists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(Insurer).existsBy({ id });
  }

  findById(db: EntityManager, id: string): Promise<Insurer | null> {
    return db.getRepository(Insurer).findOneBy({ id });
  }

  insert(tx: EntityManager, insurer: Pick<Insurer, 'name' | 'shortName'>): Promise<Insurer> {
    return insertRow(tx, Insurer, insurer);
  }

  /** Everyone may see the insurers that hold a policy they can see; admins and district staff see all. */
  list(db: EntityManager, onlyId: string | null): Promise<Insurer[]> {
    return db.getRepository(Insurer).find({ where: onlyId ? { id: onlyId } : {}, order: { name: 'ASC' } });
  }
}
