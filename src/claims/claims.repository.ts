import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { scopeClaims } from './claim-scope.js';
import { Claim } from './entities/claim.entity.js';

@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findInScope(caller: AuthUser, id: string): Promise<Claim | null> {
    const query = this.db.getRepository(Claim).createQueryBuilder('c').where('c.id = :id', { id });
    return scopeClaims(query, caller).getOne();
  }

  /** Locks the claim row for a state change; null when absent or out of the caller's scope. */
  findInScopeForUpdate(tx: EntityManager, caller: AuthUser, id: string): Promise<Claim | null> {
    const query = tx.getRepository(Claim).createQueryBuilder('c').where('c.id = :id', { id });
    return scopeClaims(query, caller).setLock('pessimistic_write').getOne();
  }
}
