import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { scopeClaims } from '../claims/claim-scope.js';
import type { ClaimStatus } from '../claims/claim-status.js';
import { parseMoney, toFen } from '../common/money.js';
import type { PayoutStepJson } from '../payouts/payout-calculator.js';
import type { DenialNotice, NoticeClaim, PayoutNotice } from './render/report-types.js';

/** A letter of a claim in the caller's scope: its state, and the letter once the state allows one. */
export interface NoticeRow<T> {
  status: ClaimStatus;
  districtCode: string;
  /** null while the claim is not (yet) in the state the letter tells of */
  notice: Omit<T, 'generatedAt'> | null;
}

type ClaimHead = { status: ClaimStatus; districtCode: string; reportedAt: Date } & Omit<NoticeClaim, 'reportedAt' | 'generatedAt'>;

/** What the letters to a resident print, each in one query, the claim restricted to the caller's scope. */
@Injectable()
export class ClaimNoticesRepository {
  /**
   * 理赔通知书; the notice is null until the claim has a payment. The
   * calculation steps are those stored with the assessment (amounts as yuan
   * strings there).
   */
  async findPayoutNotice(db: EntityManager, caller: AuthUser, claimId: string): Promise<NoticeRow<PayoutNotice> | null> {
    const query = this.claimQuery(db, caller, claimId)
      .addSelect([
        'pay.paid_at AS "paidAt"', `a.quote -> 'steps' AS steps`, `(a.quote ->> 'ratioBp')::int AS "ratioBp"`,
        'v.visited_at AS "visitedAt"', 'vu.display_name AS "verifierName"', 'v.participants AS participants',
        'v.findings AS findings', 'v.recommendation AS recommendation',
        'c.approved_amount::text AS "approvedAmount"', 'pay.amount::text AS "paidAmount"', 'pay.bank_reference AS "bankReference"',
        'c.payee_account_masked AS "payeeAccountMasked"', 'c.payee_account_name AS "payeeName"',
      ])
      .leftJoin('claim_assessment', 'a', 'a.claim_id = c.id')
      .leftJoin('claim_verification', 'v', 'v.claim_id = c.id AND v.recorded_at IS NOT NULL')
      .leftJoin('app_user', 'vu', 'vu.id = v.verifier_id')
      .leftJoin('payment', 'pay', 'pay.claim_id = c.id');
    const row = await query.getRawOne<ClaimHead & {
      paidAt: Date | null; approvedAmount: string | null; paidAmount: string | null;
      steps: PayoutStepJson[] | null; ratioBp: number | null;
      visitedAt: Date | null; verifierName: string | null; participants: string[] | null; findings: string | null;
      recommendation: 'pay' | 'deny' | null;
    } & Pick<PayoutNotice, 'bankReference' | 'payeeAccountMasked' | 'payeeName'>>();
    if (!row) return null;
    const {
      status, districtCode, reportedAt, paidAt, approvedAmount, paidAmount, steps, ratioBp,
      visitedAt, verifierName, participants, findings, recommendation, ...rest
    } = row;
    if (!paidAt || paidAmount === null || approvedAmount === null || !steps || ratioBp === null) {
      return { status, districtCode, notice: null };
    }
    return {
      status,
      districtCode,
      notice: {
        ...rest,
        reportedAt: reportedAt.toISOString(),
        paidAt: paidAt.toISOString(),
        verification: visitedAt && verifierName && findings && recommendation
          ? { visitedAt: visitedAt.toISOString(), verifierName, participants: participants ?? [], findings, recommendation }
          : null,
        ratioBp,
        steps: steps.map((s) => ({ step: s.step, amount: parseMoney(s.amount) })),
        approvedAmount: toFen(approvedAmount),
        paidAmount: toFen(paidAmount),
      },
    };
  }

  /**
   * 拒赔通知书; the notice is null unless the claim is denied (or closed after
   * a denial): the reason's text and clause come from the catalogue.
   */
  async findDenialNotice(db: EntityManager, caller: AuthUser, claimId: string): Promise<NoticeRow<DenialNotice> | null> {
    const query = this.claimQuery(db, caller, claimId)
      .addSelect([
        'dec.decided_at AS "decidedAt"', 'dec.reason_code AS "reasonCode"', 'dr.name_zh AS "reasonZh"',
        'dr.policy_clause AS "policyClause"', 'dec.note AS note',
      ])
      .leftJoin('claim_decision', 'dec', `dec.claim_id = c.id AND dec.decision = 'deny'`)
      .leftJoin('denial_reason', 'dr', 'dr.code = dec.reason_code');
    const row = await query.getRawOne<ClaimHead & {
      decidedAt: Date | null; reasonCode: string | null; reasonZh: string | null; policyClause: string | null; note: string | null;
    }>();
    if (!row) return null;
    const { status, districtCode, reportedAt, decidedAt, reasonCode, reasonZh, policyClause, ...rest } = row;
    if (!decidedAt || !reasonCode || !reasonZh || !policyClause || (status !== 'denied' && status !== 'closed')) {
      return { status, districtCode, notice: null };
    }
    return {
      status,
      districtCode,
      notice: { ...rest, reportedAt: reportedAt.toISOString(), decidedAt: decidedAt.toISOString(), reasonCode, reasonZh, policyClause },
    };
  }

  /** The claim, its resident, place, event and policy, as both letters name them. */
  private claimQuery(db: EntityManager, caller: AuthUser, claimId: string): SelectQueryBuilder<object> {
    const query = db.createQueryBuilder()
      .select([
        'c.status AS status', 'c.district_code AS "districtCode"', 'c.claim_no AS "claimNo"', 'd.name AS "districtName"', 's.name AS "streetName"',
        'r.name AS "residentName"', 'r.id_number_masked AS "idNumberMasked"', 'e.name_zh AS "eventTypeZh"',
        `to_char(c.incident_date, 'YYYY-MM-DD') AS "incidentDate"`, 'c.reported_at AS "reportedAt"',
        'i.name AS "insurerName"', 'p.policy_no AS "policyNo"',
      ])
      .from('claim', 'c')
      .innerJoin('district', 'd', 'd.code = c.district_code')
      .innerJoin('street', 's', 's.code = c.street_code')
      .innerJoin('resident', 'r', 'r.id = c.resident_id')
      .innerJoin('event_type', 'e', 'e.code = c.event_type')
      .innerJoin('policy', 'p', 'p.id = c.policy_id')
      .innerJoin('insurer', 'i', 'i.id = c.insurer_id')
      .where('c.id = :claimId', { claimId });
    return scopeClaims(query, caller);
  }
}
