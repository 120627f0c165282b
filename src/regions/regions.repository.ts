import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { insertRow } from '../database/insert-row.js';
import { District } from './entities/district.entity.js';
import { Street } from './entities/street.entity.js';

@Injectable()
export class RegionsRepository {
  findDistrict(tx: EntityManager, code: string): Promise<District | null> {
    return tx.getRepository(District).findOneBy({ code });
  }

  findStreet(tx: EntityManager, code: string): Promise<Street | null> {
    return tx.getRepository(Street).findOneBy({ code });
  }

  listDistricts(db: EntityManager, codes: string[] | null): Promise<District[]> {
    const query = db.getRepository(District).createQueryBuilder('d').orderBy('d.code');
    if (codes) query.where('d.code IN (:...codes)', { codes: codes.length ? codes : [''] });
    return query.getMany();
  }

  listStreets(db: EntityManager, districtCode: string): Promise<Street[]> {
    return db.getRepository(Street).find({ where: { districtCode }, order: { code: 'ASC' } });
  }

  insertDistrict(tx: EntityManager, district: Pick<District, 'code' | 'name'>): Promise<District> {
    return insertRow(tx, District, district);
  }

  insertStreet(tx: EntityManager, street: Pick<Street, 'code' | 'name' | 'districtCode'>): Promise<Street> {
    return insertRow(tx, Street, street);
  }

  /** The districts an insurer's staff may see: those where it holds a policy. */
  async districtCodesOfInsurer(db: EntityManager, insurerId: string): Promise<string[]> {
    const rows: { district_code: string }[] = await db.query(
      'SELECT DISTINCT district_code FROM policy WHERE insurer_id = $1', [insurerId]);
    return rows.map((r) => r.district_code);
  }
}
