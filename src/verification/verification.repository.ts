import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { hydrate } from '../database/hydrate.js';
import type { Claim } from '../claims/entities/claim.entity.js';
import { ClaimVerification } from './entities/claim-verification.entity.js';

export type SiteVisit = Pick<ClaimVerification, 'verifierId' | 'visitedAt' | 'participants' | 'findings' | 'verifiedLoss' | 'recommendation' | 'lossAboveClaimReason'>;

/** The street's stage of a claim: its verification row. */
@Injectable()
export class VerificationRepository {
  /** The verification row as a JSON column of a larger query on `claim` aliased `alias` (ClaimDetailsRepository). */
  verificationJson(alias: string): string {
    return `(SELECT to_jsonb(v) FROM claim_verification v WHERE v.claim_id = ${alias}.id)`;
  }

  readVerification(db: EntityManager, json: Record<string, unknown> | null): ClaimVerification | null {
    return json && hydrate(db, ClaimVerification, json);
  }

  async start(tx: EntityManager, claimId: string, startedBy: string): Promise<void> {
    await tx.getRepository(ClaimVerification).insert({ claimId, startedBy, startedAt: new Date() });
  }

  /** A claim returned and verified again keeps one verification row: the latest visit. */
  async recordVisit(tx: EntityManager, claimId: string, visit: SiteVisit): Promise<void> {
    await tx.getRepository(ClaimVerification).update({ claimId }, { ...visit, recordedAt: new Date() });
  }

  /** The coverage's required document types with no document of that type on the claim, in the coverage's order. */
  async missingDocuments(tx: EntityManager, claim: Pick<Claim, 'id' | 'coverageId'>): Promise<string[]> {
    const rows: { type: string }[] = await tx.query(
      `SELECT required.type
         FROM coverage cv, unnest(cv.required_documents) WITH ORDINALITY AS required(type, position)
        WHERE cv.id = $1
          AND NOT EXISTS (SELECT 1 FROM claim_document d WHERE d.claim_id = $2 AND d.type = required.type)
        ORDER BY required.position`,
      [claim.coverageId, claim.id],
    );
    return rows.map((row) => row.type);
  }
}
