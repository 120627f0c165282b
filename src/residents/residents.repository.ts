import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { Resident } from './entities/resident.entity.js';

export type NewResident = Omit<Resident, 'id' | 'createdAt'>;

export interface ResidentFilter {
  idNumberIndex?: string;
  name?: string;
  streetCode?: string;
}

@Injectable()
export class ResidentsRepository {
  /**
   * Inserts the resident unless the ID number is already registered (unique
   * blind index), in which case it returns null. ON CONFLICT also covers a
   * concurrent registration of the same person.
   */
  async insertUnlessRegistered(tx: EntityManager, resident: NewResident): Promise<Resident | null> {
    const result = await tx.createQueryBuilder().insert().into(Resident).values(resident)
      .orIgnore().returning(['id']).execute();
    const inserted = result.raw as { id: string }[];
    return inserted.length ? tx.getRepository(Resident).findOneByOrFail({ id: inserted[0].id }) : null;
  }

  findByIdNumberIndex(tx: EntityManager, idNumberIndex: string): Promise<Resident | null> {
    return tx.getRepository(Resident).findOneBy({ idNumberIndex });
  }

  /** Unscoped: callers check the resident against their own rules. */
  findById(tx: EntityManager, id: string): Promise<Resident | null> {
    return tx.getRepository(Resident).findOneBy({ id });
  }

  findInScope(tx: EntityManager, caller: AuthUser, id: string): Promise<Resident | null> {
    const query = tx.getRepository(Resident).createQueryBuilder('r').where('r.id = :id', { id });
    return this.scope(query, caller).getOne();
  }

  listInScope(db: EntityManager, caller: AuthUser, filter: ResidentFilter, offset: number, limit: number): Promise<[Resident[], number]> {
    const query = this.scope(db.getRepository(Resident).createQueryBuilder('r'), caller);
    if (filter.idNumberIndex) query.andWhere('r.id_number_index = :idNumberIndex', { idNumberIndex: filter.idNumberIndex });
    if (filter.streetCode) query.andWhere('r.street_code = :streetCode', { streetCode: filter.streetCode });
    if (filter.name) query.andWhere('strpos(r.name, :name) > 0', { name: filter.name });
    return query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'ASC').skip(offset).take(limit).getManyAndCount();
  }

  /** A cadre sees the residents of their street, a district officer those of the district, an admin all. */
  private scope(query: SelectQueryBuilder<Resident>, caller: AuthUser): SelectQueryBuilder<Resident> {
    switch (caller.role) {
      case Role.Admin:
        return query;
      case Role.StreetCadre:
        return query.andWhere('r.street_code = :scopeStreet', { scopeStreet: caller.streetCode });
      case Role.DistrictOfficer:
        return query.andWhere('r.district_code = :scopeDistrict', { scopeDistrict: caller.districtCode });
      case Role.InsurerAdjuster:
      case Role.InsurerManager:
        return query.andWhere('false');
    }
  }
}
