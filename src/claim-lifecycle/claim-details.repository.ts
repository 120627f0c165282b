import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Claim } from '../claims/entities/claim.entity.js';
import type { ClaimDetails } from './dto/claim.response.js';

/** The claim with the names its response shows: the one read that joins across the modules' tables. */
export type ClaimWithNames = Pick<ClaimDetails, 'claim' | 'policyNo' | 'eventTypeNameZh' | 'resident' | 'requiredDocuments'>;

@Injectable()
export class ClaimDetailsRepository {
  async findWithNames(tx: EntityManager, claimId: string): Promise<ClaimWithNames> {
    const { entities: [claim], raw: [names] } = await tx.getRepository(Claim).createQueryBuilder('c')
      .innerJoin('policy', 'p', 'p.id = c.policy_id')
      .innerJoin('event_type', 'e', 'e.code = c.event_type')
      .innerJoin('resident', 'r', 'r.id = c.resident_id')
      .innerJoin('coverage', 'cv', 'cv.id = c.coverage_id')
      .addSelect('p.policy_no', 'policyNo')
      .addSelect('e.name_zh', 'eventTypeNameZh')
      .addSelect('r.name', 'residentName')
      .addSelect('r.id_number_masked', 'residentIdNumberMasked')
      .addSelect('cv.required_documents', 'requiredDocuments')
      .where('c.id = :claimId', { claimId })
      .getRawAndEntities<{ policyNo: string; eventTypeNameZh: string; residentName: string; residentIdNumberMasked: string; requiredDocuments: string[] }>();
    if (!claim) throw new Error(`claim ${claimId} vanished`);
    return {
      claim,
      policyNo: names.policyNo,
      eventTypeNameZh: names.eventTypeNameZh,
      resident: { id: claim.residentId, name: names.residentName, idNumberMasked: names.residentIdNumberMasked },
      requiredDocuments: names.requiredDocuments,
    };
  }
}
