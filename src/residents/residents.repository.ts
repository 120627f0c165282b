import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { Resident } from './entities/resident.entity.js';
import { prepared } from '../database/prepared-statements.js';

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

  /** The registered residents among these blind indexes, by index. */
  async findByIdNumberIndexes(tx: EntityManager, idNumberIndexes: string[]): Promise<Map<string, { id: string; name: string }>> {
    const rows: { id: string; name: string; idNumberIndex: string }[] = await tx.query(
      `SELECT id, name, id_number_index AS "idNumberIndex" FROM resident WHERE id_number_index = ANY($1::char(64)[])`,
      [idNumberIndexes],
    );
    return new Map(rows.map((row) => [row.idNumberIndex, { id: row.id, name: row.name }]));
  }

  /**
   * Many residents in one statement (a ledger import); returns the new ids by
   * blind index. The caller has checked that none is registered yet.
   */
  async insertMany(tx: EntityManager, residents: NewResident[]): Promise<Map<string, string>> {
    if (residents.length === 0) return new Map();
    const column = <K extends keyof NewResident>(key: K) => residents.map((resident) => resident[key]);
    const rows: { id: string; idNumberIndex: string }[] = await tx.query(
      `INSERT INTO resident (name, id_number_cipher, id_number_index, id_number_masked, phone_cipher, phone_index, phone_masked,
                             key_id, district_code, street_code, address, cover_basis, created_by)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[])
       RETURNING id, id_number_index AS "idNumberIndex"`,
      [column('name'), column('idNumberCipher'), column('idNumberIndex'), column('idNumberMasked'), column('phoneCipher'),
        column('phoneIndex'), column('phoneMasked'), column('keyId'), column('districtCode'), column('streetCode'),
        column('address'), column('coverBasis'), column('createdBy')],
    );
    return new Map(rows.map((row) => [row.idNumberIndex, row.id]));
  }

  findByIdNumberIndex(tx: EntityManager, idNumberIndex: string): Promise<Resident | null> {
    return tx.getRepository(Resident).findOneBy({ idNumberIndex });
  }

  /** Where a resident is registered, unscoped: callers check it against their own rules (intake: the cadre's street). */
  async findPlace(tx: EntityManager, id: string): Promise<Pick<Resident, 'id' | 'districtCode' | 'streetCode'> | null> {
    const [row]: Pick<Resident, 'id' | 'districtCode' | 'streetCode'>[] = await tx.query(
      prepared(`SELECT id, district_code AS "districtCode", street_code AS "streetCode" FROM resident WHERE id = $1`), [id]);
    return row ?? null;
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
