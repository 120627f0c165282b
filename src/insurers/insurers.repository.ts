import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Insurer } from './entities/insurer.entity.js';

@Injectable()
export class InsurersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  exists(tx: EntityManager | null, id: string): Promise<boolean> {
    return (tx ?? this.db.manager).getRepository(Insurer).existsBy({ id });
  }

  findById(id: string): Promise<Insurer | null> {
    return this.db.getRepository(Insurer).findOneBy({ id });
  }

  nameTaken(tx: EntityManager, name: string): Promise<boolean> {
    return tx.getRepository(Insurer).existsBy({ name });
  }

  insert(tx: EntityManager, insurer: Pick<Insurer, 'name' | 'shortName'>): Promise<Insurer> {
    return tx.getRepository(Insurer).save(tx.getRepository(Insurer).create(insurer));
  }

  /** Everyone may see the insurers that hold a policy they can see; admins and district staff see all. */
  list(onlyId: string | null): Promise<Insurer[]> {
    return this.db.getRepository(Insurer).find({ where: onlyId ? { id: onlyId } : {}, order: { name: 'ASC' } });
  }
}
