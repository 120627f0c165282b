import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { CatalogRepository } from '../catalog/catalog.repository.js';
import { shanghaiToday } from '../common/business-date.js';
import { DomainError, type ErrorDetail } from '../common/domain-error.js';
import { parseMoney } from '../common/money.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { DEFAULT_DEADLINES, type PolicyDeadlines } from '../deadlines/deadline-rules.js';
import type { PolicyDeadlinesDto } from '../deadlines/dto/deadline.dto.js';
import { InsurersRepository } from '../insurers/insurers.repository.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { CoverageDto, CreatePolicyDto, ListPoliciesQuery, UpdatePolicyDto } from './dto/policy.requests.js';
import { toPolicyResponse, type PolicyResponse } from './dto/policy.response.js';
import type { Policy } from './entities/policy.entity.js';
import { PoliciesRepository, type CoverageRecord } from './policies.repository.js';
import {
  activationProblems, draftProblems, resolveCoverages, type CoverageInput, type CoverageTerms,
} from './policy-terms.js';

@Injectable()
export class PoliciesService {
  constructor(
    private readonly db: Database,
    private readonly policies: PoliciesRepository,
    private readonly catalog: CatalogRepository,
    private readonly regions: RegionsRepository,
    private readonly insurers: InsurersRepository,
    private readonly audit: AuditService,
  ) {}

  async list(caller: AuthUser, query: ListPoliciesQuery): Promise<Page<PolicyResponse>> {
    const today = shanghaiToday();
    const [policies, total] = await this.policies.listInScope(this.db.manager, caller, query, today, (query.page - 1) * query.pageSize, query.pageSize);
    const ids = policies.map((policy) => policy.id);
    const [coverages, used] = await Promise.all([
      this.policies.coveragesOf(this.db.manager, ids),
      this.policies.limitsUsed(this.db.manager, ids),
    ]);
    const coveragesByPolicy = new Map<string, CoverageRecord[]>();
    for (const coverage of coverages) {
      const ofPolicy = coveragesByPolicy.get(coverage.policyId);
      if (ofPolicy) ofPolicy.push(coverage);
      else coveragesByPolicy.set(coverage.policyId, [coverage]);
    }
    const items = policies.map((policy) => toPolicyResponse(policy, coveragesByPolicy.get(policy.id) ?? [], used.get(policy.id)!.aggregateUsed, today));
    return pageOf(items, total, query);
  }

  get(caller: AuthUser, id: string): Promise<PolicyResponse> {
    return this.show(this.db.manager, caller, id);
  }

  async create(caller: AuthUser, dto: CreatePolicyDto): Promise<PolicyResponse> {
    if (caller.role === Role.DistrictOfficer && dto.districtCode !== caller.districtCode) {
      throw DomainError.forbidden('A district officer may create policies of their own district only');
    }
    return this.db.transaction(async (tx) => {
      const problems: ErrorDetail[] = [];
      if (!(await this.regions.findDistrict(tx, dto.districtCode))) problems.push({ field: 'districtCode', message: 'no such district' });
      if (!(await this.insurers.exists(tx, dto.insurerId))) problems.push({ field: 'insurerId', message: 'no such insurer' });
      const aggregateLimit = parseMoney(dto.aggregateLimit);
      problems.push(...draftProblems({ year: dto.year, periodStart: dto.periodStart, periodEnd: dto.periodEnd, aggregateLimit }));
      const coverages = await this.resolveCoverages(tx, dto.coverages, problems);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Validation failed', problems);

      const policy = await this.policies.insert(tx, {
        policyNo: dto.policyNo,
        districtCode: dto.districtCode,
        insurerId: dto.insurerId,
        year: dto.year,
        periodStart: dto.periodStart,
        periodEnd: dto.periodEnd,
        premium: parseMoney(dto.premium),
        aggregateLimit,
        fourEyesThreshold: parseMoney(dto.fourEyesThreshold),
        ...DEFAULT_DEADLINES,
        ...definedOnly(dto.deadlines),
        createdBy: caller.id,
      });
      await this.policies.replaceCoverages(tx, policy.id, coverages);
      const created = await this.show(tx, caller, policy.id);
      await this.audit.record(tx, {
        actor: caller, action: 'policy.create', entity: 'policy', entityId: policy.id, districtCode: policy.districtCode,
        data: auditedTerms(created),
      });
      return created;
    });
  }

  /** Only a draft may change; an active policy's terms are frozen (changes go into next year's policy). */
  async update(caller: AuthUser, id: string, dto: UpdatePolicyDto): Promise<PolicyResponse> {
    return this.db.transaction(async (tx) => {
      const policy = await this.policies.findInScopeForUpdate(tx, caller, id);
      if (!policy) throw DomainError.notFound('Policy');
      requireDraft(policy);
      const before = await this.show(tx, caller, id);

      const problems: ErrorDetail[] = [];
      if (dto.insurerId !== undefined && !(await this.insurers.exists(tx, dto.insurerId))) {
        problems.push({ field: 'insurerId', message: 'no such insurer' });
      }
      if (dto.policyNo !== undefined) policy.policyNo = dto.policyNo;
      if (dto.insurerId !== undefined) policy.insurerId = dto.insurerId;
      if (dto.year !== undefined) policy.year = dto.year;
      if (dto.periodStart !== undefined) policy.periodStart = dto.periodStart;
      if (dto.periodEnd !== undefined) policy.periodEnd = dto.periodEnd;
      if (dto.premium !== undefined) policy.premium = parseMoney(dto.premium);
      if (dto.aggregateLimit !== undefined) policy.aggregateLimit = parseMoney(dto.aggregateLimit);
      if (dto.fourEyesThreshold !== undefined) policy.fourEyesThreshold = parseMoney(dto.fourEyesThreshold);
      Object.assign(policy, definedOnly(dto.deadlines));
      problems.push(...draftProblems(policy));
      const coverages = dto.coverages === undefined ? null : await this.resolveCoverages(tx, dto.coverages, problems);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', 'Validation failed', problems);

      await this.policies.save(tx, policy);
      if (coverages) await this.policies.replaceCoverages(tx, id, coverages);
      const after = await this.show(tx, caller, id);
      await this.audit.record(tx, {
        actor: caller, action: 'policy.update', entity: 'policy', entityId: id, districtCode: policy.districtCode,
        data: { before: auditedTerms(before), after: auditedTerms(after) },
      });
      return after;
    });
  }

  /**
   * draft → active, once the policy is complete and no other active policy
   * of the district overlaps it or has the same year. The database enforces
   * the latter too (exclusion constraint and partial unique index), which
   * decides between two activations racing each other.
   */
  async activate(caller: AuthUser, id: string): Promise<PolicyResponse> {
    return this.db.transaction(async (tx) => {
      const policy = await this.policies.findInScopeForUpdate(tx, caller, id);
      if (!policy) throw DomainError.notFound('Policy');
      requireDraft(policy);
      const coverages = await this.policies.coveragesOf(tx, [id]);
      const problems = activationProblems(policy, coverages);
      if (problems.length) {
        throw new DomainError('RULE_VIOLATION', 'The policy is not complete enough to be activated', [
          { field: 'POLICY_INCOMPLETE', message: problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems },
        ]);
      }
      const clash = await this.policies.findActiveClash(tx, policy);
      if (clash) throw activeClash(clash);

      policy.status = 'active';
      policy.activatedAt = new Date();
      await this.policies.save(tx, policy);
      const activated = await this.show(tx, caller, id);
      await this.audit.record(tx, {
        actor: caller, action: 'policy.activate', entity: 'policy', entityId: id, districtCode: policy.districtCode,
        data: { policyNo: policy.policyNo, year: policy.year, periodStart: policy.periodStart, periodEnd: policy.periodEnd },
      });
      return activated;
    });
  }

  /** One policy with its coverages and what its claims have used: three queries. */
  private async show(tx: EntityManager, caller: AuthUser, id: string): Promise<PolicyResponse> {
    const policy = await this.policies.findInScope(tx, caller, id);
    if (!policy) throw DomainError.notFound('Policy');
    const coverages = await this.policies.coveragesOf(tx, [id]);
    const used = await this.policies.limitsUsed(tx, [id]);
    return toPolicyResponse(policy, coverages, used.get(id)!.aggregateUsed, shanghaiToday());
  }

  /** The coverages with catalogue defaults applied; what is wrong with them is added to `problems`. */
  private async resolveCoverages(tx: EntityManager, dtos: CoverageDto[], problems: ErrorDetail[]): Promise<CoverageTerms[]> {
    const codes = [...new Set(dtos.map((dto) => dto.eventType))];
    const eventTypes = codes.length ? await this.catalog.findByCodes(tx, codes) : [];
    const resolved = resolveCoverages(dtos.map(coverageInput), new Map(eventTypes.map((e) => [e.code, e])));
    problems.push(...resolved.problems);
    return resolved.coverages;
  }

}

function requireDraft(policy: Policy): void {
  if (policy.status !== 'draft') {
    throw DomainError.rule('POLICY_NOT_DRAFT', `Only a draft policy may be changed; this one is ${policy.status}`, { currentStatus: policy.status });
  }
}

function coverageInput(dto: CoverageDto): CoverageInput {
  // A field sent as null takes the catalogue default, like an omitted one.
  const money = (value: string | null | undefined) => (value === null || value === undefined ? undefined : parseMoney(value));
  return {
    eventType: dto.eventType,
    perClaimLimit: money(dto.perClaimLimit),
    perPersonAnnualLimit: money(dto.perPersonAnnualLimit),
    deductible: money(dto.deductible),
    payoutRatioBp: dto.payoutRatioBp ?? undefined,
    reportWindowDays: dto.reportWindowDays ?? undefined,
    requiredDocuments: dto.requiredDocuments ?? undefined,
  };
}

/** The terms of a policy as the audit log keeps them: no ids, names or usage. */
function auditedTerms(policy: PolicyResponse): Record<string, unknown> {
  return {
    policyNo: policy.policyNo, insurerId: policy.insurerId, year: policy.year,
    periodStart: policy.periodStart, periodEnd: policy.periodEnd, premium: policy.premium,
    aggregateLimit: policy.aggregateLimit, fourEyesThreshold: policy.fourEyesThreshold, deadlines: policy.deadlines,
    coverages: policy.coverages.map(({ id: _id, nameZh: _zh, nameEn: _en, ...terms }) => terms),
  };
}

/** The deadlines a request sets; an omitted (or null) one keeps its default or current value. */
function definedOnly(deadlines: PolicyDeadlinesDto | undefined): Partial<PolicyDeadlines> {
  return Object.fromEntries(Object.entries(deadlines ?? {}).filter(([, days]) => days !== undefined && days !== null));
}

/** The clash the service sees before it writes; one it cannot see yet (a concurrent activation) the constraints answer. */
function activeClash(other: Pick<Policy, 'id' | 'policyNo'>): DomainError {
  return DomainError.conflict('Another active policy covers this district in the same year or on overlapping dates', [{
    field: 'periodStart', message: `overlaps active policy ${other.policyNo}`, policyId: other.id, policyNo: other.policyNo,
  }]);
}
