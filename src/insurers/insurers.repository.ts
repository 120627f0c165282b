import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Insurer } from './entities/insurer.entity.js';

@Injectable()
export class InsurersRepository {
  exists(tx: EntityManager, id: string): Promise<boolean> {
    return tx.getRepository(Insurer).existsBy({ id });
  }

  findById(db: EntityManager, id: string): Promise<Insurer | null> {
    return db.getRepository(Insurer).findOneBy({ id });
  }

  nameTaken(tx: EntityManager, name: string): Promise<boolean> {
    return tx.getRepository(Insurer).existsBy({ name });
  }

  insert(tx: EntityManager, insurer: Pick<Insurer, 'name' | 'shortName'>): Promise<Insurer> {
    return tx.getRepository(Insurer).save(tx.getRepository(Insurer).create(insurer));
  }

  /** Everyone may see the insurers that hold a policy they can see; admins and district staff see all. */
  list(db: EntityManager, onlyId: string | null): Promise<Insurer[]> {
    return db.getRepository(Insurer).find({ where: onlyId ? { id: onlyId } : {}, order: { name: 'ASC' } });
  }
}
