import { Injectable } from '@nestjs/common';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { hydrate } from '../database/hydrate.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import type { EventType } from '../catalog/entities/event-type.entity.js';
import type { PolicyDeadlines } from '../deadlines/deadline-rules.js';
import type { Insurer } from '../insurers/entities/insurer.entity.js';
import type { District } from '../regions/entities/district.entity.js';
import { Coverage } from './entities/coverage.entity.js';
import { Policy, type PolicyStatus } from './entities/policy.entity.js';
import type { CoverageLimits } from './policy-limits.js';
import type { CoverageTerms } from './policy-terms.js';
import { insertRow } from '../database/insert-row.js';
import { prepared } from '../database/prepared-statements.js';

/** A policy as shown: with its district's and insurer's names. */
export type PolicyRecord = Policy & { district: District; insurer: Insurer };
/** A coverage as shown: with its event type's names. */
export type CoverageRecord = Coverage & { event: EventType };

/** The columns of a claim that say which limits it is paid within. */
export interface LimitedClaim {
  policyId: string;
  coverageId: string;
  residentId: string;
  approvedAmount: bigint | null;
}

export interface PolicyFilter {
  districtCode?: string;
  year?: number;
  status?: PolicyStatus;
}

export type NewPolicy = Pick<Policy,
  'policyNo' | 'districtCode' | 'insurerId' | 'year' | 'periodStart' | 'periodEnd' | 'premium' | 'aggregateLimit' | 'fourEyesThreshold' | 'createdBy'
  | keyof PolicyDeadlines>;

@Injectable()
export class PoliciesRepository {
  findInScope(tx: EntityManager, caller: AuthUser, id: string): Promise<PolicyRecord | null> {
    const query = this.withParties(tx.getRepository(Policy).createQueryBuilder('policy'))
      .where('policy.id = :id', { id });
    return scopePolicies(query, caller).getOne() as Promise<PolicyRecord | null>;
  }

  /** Locks the policy row for a change; null when absent or out of the caller's scope. */
  findInScopeForUpdate(tx: EntityManager, caller: AuthUser, id: string): Promise<Policy | null> {
    const query = tx.getRepository(Policy).createQueryBuilder('policy').where('policy.id = :id', { id });
    return scopePolicies(query, caller).setLock('pessimistic_write', undefined, ['policy']).getOne();
  }

  /**
   * Locks the policy row, so that approvals against the same policy's
   * aggregate limit run one at a time. FOR NO KEY UPDATE lets claims that
   * merely reference the policy still be filed meanwhile.
   */
  findForUpdate(tx: EntityManager, policyId: string): Promise<Policy | null> {
    return tx.getRepository(Policy).createQueryBuilder('policy')
      .where('policy.id = :policyId', { policyId })
      .setLock('for_no_key_update', undefined, ['policy'])
      .getOne();
  }

  /** The active policy of the district whose period holds the date (at most one: an exclusion constraint). */
  /**
   * What intake checks a filing against, in one statement: whether the event
   * type is in the catalogue, the district's active policy on the date and
   * that policy's coverage of the event type (each null when missing).
   */
  async findCover(tx: EntityManager, districtCode: string, date: string, eventType: string): Promise<{ eventTypeKnown: boolean; policy: Policy | null; coverage: Coverage | null }> {
    const [row]: { known: boolean; policy: Record<string, unknown> | null; coverage: Record<string, unknown> | null }[] = await tx.query(
      prepared(`SELECT e.code IS NOT NULL AS known, to_jsonb(p) AS policy, to_jsonb(cv) AS coverage
         FROM (SELECT 1) AS one
         LEFT JOIN event_type e ON e.code = $3
         LEFT JOIN policy p ON p.district_code = $1 AND p.status = 'active' AND p.period_start <= $2 AND p.period_end >= $2
         LEFT JOIN coverage cv ON cv.policy_id = p.id AND cv.event_type = $3`),
      [districtCode, date, eventType],
    );
    return {
      eventTypeKnown: row.known,
      policy: row.policy && hydrate(tx, Policy, row.policy),
      coverage: row.coverage && hydrate(tx, Coverage, row.coverage),
    };
  }

  findCoverageById(tx: EntityManager, id: string): Promise<Coverage> {
    return tx.getRepository(Coverage).findOneByOrFail({ id });
  }

  /** `today` (Asia/Shanghai) decides which active policies count as expired. */
  async listInScope(db: EntityManager, caller: AuthUser, filter: PolicyFilter, today: string, offset: number, limit: number): Promise<[PolicyRecord[], number]> {
    const query = this.withParties(db.getRepository(Policy).createQueryBuilder('policy'));
    scopePolicies(query, caller);
    if (filter.districtCode) query.andWhere('policy.districtCode = :districtCode', { districtCode: filter.districtCode });
    if (filter.year) query.andWhere('policy.year = :year', { year: filter.year });
    if (filter.status === 'draft') query.andWhere("policy.status = 'draft'");
    if (filter.status === 'active') query.andWhere("policy.status = 'active' AND policy.periodEnd >= :today", { today });
    if (filter.status === 'expired') query.andWhere("policy.status = 'active' AND policy.periodEnd < :today", { today });
    const [policies, total] = await query
      .orderBy('policy.year', 'DESC').addOrderBy('policy.districtCode', 'ASC').addOrderBy('policy.policyNo', 'ASC')
      // Many-to-one joins only, so a plain LIMIT/OFFSET pages correctly.
      .offset(offset).limit(limit)
      .getManyAndCount();
    return [policies as PolicyRecord[], total];
  }

  /** The coverages of several policies in one query, in catalogue order. */
  coveragesOf(tx: EntityManager, policyIds: string[]): Promise<CoverageRecord[]> {
    if (policyIds.length === 0) return Promise.resolve([]);
    return tx.getRepository(Coverage).createQueryBuilder('coverage')
      .innerJoinAndSelect('coverage.event', 'event')
      .where('coverage.policyId IN (:...policyIds)', { policyIds })
      .orderBy('event.sortOrder', 'ASC')
      .getMany() as Promise<CoverageRecord[]>;
  }

  /** Another active policy of the district whose period overlaps, or of the same year (one active policy per district and year). */
  findActiveClash(tx: EntityManager, policy: Policy): Promise<Policy | null> {
    const { id, districtCode, year, periodStart, periodEnd } = policy;
    return tx.getRepository(Policy).createQueryBuilder('policy')
      .where("policy.status = 'active' AND policy.districtCode = :districtCode AND policy.id <> :id", { districtCode, id })
      .andWhere(`(policy.year = :year OR daterange(policy.periodStart, policy.periodEnd, '[]')
                   && daterange(CAST(:periodStart AS date), CAST(:periodEnd AS date), '[]'))`, { year, periodStart, periodEnd })
      .orderBy('policy.periodStart', 'ASC')
      .getOne();
  }

  insert(tx: EntityManager, policy: NewPolicy): Promise<Policy> {
    return insertRow(tx, Policy, { ...policy, status: 'draft' });
  }

  save(tx: EntityManager, policy: Policy): Promise<Policy> {
    return tx.getRepository(Policy).save(policy);
  }

  /** A draft's coverages are never referenced by claims, so they are simply replaced. */
  async replaceCoverages(tx: EntityManager, policyId: string, coverages: CoverageTerms[]): Promise<void> {
    const repo = tx.getRepository(Coverage);
    await repo.delete({ policyId });
    if (coverages.length) await repo.insert(coverages.map((coverage) => repo.create({ ...coverage, policyId })));
  }

  /**
   * What the claims of each policy have used of its aggregate limit, and of
   * the coverage's policy what the resident's claims under that coverage have
   * used (0 without a person). The one query behind the quote, the approval,
   * the policy response and the reports; both sums read claim_policy_idx and
   * claim_resident_idx. Every policy asked for has a row.
   */
  async limitsUsed(tx: EntityManager, policyIds: string[], person: { residentId: string; coverageId: string } | null = null):
    Promise<Map<string, Pick<CoverageLimits, 'aggregateUsed' | 'personUsed'>>> {
    if (policyIds.length === 0) return new Map();
    const rows: { policyId: string; aggregateUsed: string; personUsed: string }[] = await tx.query(
      `SELECT p.id AS "policyId",
              (SELECT coalesce(sum(c.approved_amount), 0) FROM claim c WHERE c.policy_id = p.id)::text AS "aggregateUsed",
              (SELECT coalesce(sum(c.approved_amount), 0) FROM claim c
                WHERE c.resident_id = $2 AND c.coverage_id = $3 AND c.policy_id = p.id)::text AS "personUsed"
         FROM policy p
        WHERE p.id = ANY($1::uuid[])`,
      [policyIds, person?.residentId ?? null, person?.coverageId ?? null],
    );
    return new Map(rows.map((row) => [row.policyId, { aggregateUsed: BigInt(row.aggregateUsed), personUsed: BigInt(row.personUsed) }]));
  }

  /**
   * The claim's coverage terms and what the other claims have used of its
   * limits: the claim's own approved amount (a quote of an approved or paid
   * claim) is left out.
   */
  async limitsFor(tx: EntityManager, claim: LimitedClaim): Promise<CoverageLimits> {
    const coverage = await tx.getRepository(Coverage).createQueryBuilder('coverage')
      .innerJoinAndSelect('coverage.policy', 'policy')
      .where('coverage.id = :id', { id: claim.coverageId })
      .getOneOrFail();
    const used = (await this.limitsUsed(tx, [claim.policyId], claim)).get(claim.policyId)!;
    const own = claim.approvedAmount ?? 0n;
    return {
      deductible: coverage.deductible,
      payoutRatioBp: coverage.payoutRatioBp,
      perClaimLimit: coverage.perClaimLimit,
      perPersonAnnualLimit: coverage.perPersonAnnualLimit,
      personUsed: used.personUsed - own,
      aggregateLimit: coverage.policy.aggregateLimit,
      aggregateUsed: used.aggregateUsed - own,
    };
  }

  private withParties(query: SelectQueryBuilder<Policy>): SelectQueryBuilder<Policy> {
    return query.innerJoinAndSelect('policy.district', 'district').innerJoinAndSelect('policy.insurer', 'insurer');
  }
}

/**
 * Restricts a query on `policy` to what the caller may see: a district
 * officer their district's policies, insurer staff their insurer's, a cadre
 * the policies of their district that have been activated (drafts are the
 * district's and insurer's business), an admin everything.
 */
function scopePolicies<T extends object>(query: SelectQueryBuilder<T>, caller: AuthUser): SelectQueryBuilder<T> {
  switch (caller.role) {
    case Role.Admin:
      return query;
    case Role.DistrictOfficer:
      return query.andWhere('policy.districtCode = :scopeDistrict', { scopeDistrict: caller.districtCode });
    case Role.InsurerAdjuster:
    case Role.InsurerManager:
      return query.andWhere('policy.insurerId = :scopeInsurer', { scopeInsurer: caller.insurerId });
    case Role.StreetCadre:
      return query.andWhere("policy.districtCode = :scopeDistrict AND policy.status = 'active'", { scopeDistrict: caller.districtCode });
  }
}
