import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { insertRow } from '../database/insert-row.js';
import { User } from './entities/user.entity.js';

@Injectable()
export class UsersRepository {
  /** `username` in its normal form (normaliseUsername), as every stored one is. */
  findByUsername(db: EntityManager, username: string): Promise<User | null> {
    return db.getRepository(User).findOneBy({ username });
  }

  insert(tx: EntityManager, user: Partial<User>): Promise<User> {
    return insertRow(tx, User, user);
  }

  /** The new user's id, or null when the username is taken (by an earlier start of this or another instance). */
  async insertUnlessTaken(tx: EntityManager, user: Partial<User>): Promise<string | null> {
    const result = await tx.createQueryBuilder().insert().into(User).values(user).orIgnore().returning(['id']).execute();
    const rows = result.raw as { id: string }[];
    return rows.length ? rows[0].id : null;
  }

  save(tx: EntityManager, user: User): Promise<User> {
    return tx.getRepository(User).save(user);
  }

  /** Admins see everyone; a district officer sees the users of their district. */
  async listInScope(db: EntityManager, caller: AuthUser, filter: { role?: Role }, offset: number, limit: number): Promise<[User[], number]> {
    const query = db.getRepository(User).createQueryBuilder('u');
    this.scope(query, caller);
    if (filter.role) query.andWhere('u.role = :role', { role: filter.role });
    return query.orderBy('u.username', 'ASC').skip(offset).take(limit).getManyAndCount();
  }

  findInScopeForUpdate(tx: EntityManager, caller: AuthUser, id: string): Promise<User | null> {
    const query = tx.getRepository(User).createQueryBuilder('u').where('u.id = :id', { id });
    this.scope(query, caller);
    return query.setLock('pessimistic_write').getOne();
  }

  private scope(query: SelectQueryBuilder<User>, caller: AuthUser): void {
    if (caller.role === Role.Admin) return;
    query.andWhere('u.districtCode = :scopeDistrict AND u.role = :cadre', {
      scopeDistrict: caller.districtCode, cadre: Role.StreetCadre,
    });
  }
}
