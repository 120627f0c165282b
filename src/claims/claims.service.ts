import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { shanghaiToday } from '../common/business-date.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { FieldCrypto, normaliseForIndex } from '../common/field-crypto.js';
import { shanghaiDate } from '../common/timestamp.js';
import { maskAccountNo } from '../common/masking.js';
import { formatMoney, parseMoney } from '../common/money.js';
import { pageOf, type Page } from '../common/pagination.js';
import { Database } from '../database/database.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import { ResidentsRepository } from '../residents/residents.repository.js';
import { ClaimFlagsService } from './claim-flags.service.js';
import { ClaimWorkflow, type AllowedTransition } from './claim-workflow.js';
import { ClaimListRepository } from './claim-list.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import type { CreateClaimDto, ListClaimsQuery, WithdrawClaimDto } from './dto/claim.requests.js';
import { toClaimListItem, type ClaimListItemResponse } from './dto/claim.response.js';

@Injectable()
export class ClaimsService {
  constructor(
    private readonly db: Database,
    private readonly claims: ClaimsRepository,
    private readonly claimLists: ClaimListRepository,
    private readonly residents: ResidentsRepository,
    private readonly workflow: ClaimWorkflow,
    private readonly flags: ClaimFlagsService,
    private readonly policies: PoliciesRepository,
    private readonly crypto: FieldCrypto,
    private readonly clock: Clock,
  ) {}

  /**
   * A cadre files a claim for a resident of their street under the district's
   * active policy for the incident date. Every check and read comes first
   * (two queries for the rules, one for the flags); the number is taken
   * last, because its counter row queues every filing of the district and
   * year until commit. The row takes its status `reported` from the database
   * default and the workflow records the filing. Returns the new claim's id.
   */
  async file(tx: EntityManager, caller: AuthUser, dto: CreateClaimDto): Promise<string> {
    const claimedAmount = parseMoney(dto.claimedAmount);
    const accountNo = dto.payee.accountNo.replace(/\s+/g, '');
    const policeReportNo = dto.policeReportNo == null ? null : normaliseForIndex(dto.policeReportNo);
    const resident = await this.residents.findPlace(tx, dto.residentId);
    if (!resident) throw DomainError.notFound('Resident');
    if (resident.streetCode !== caller.streetCode) {
      throw DomainError.rule('RESIDENT_OUT_OF_STREET', 'The resident is registered in another street; a cadre files claims for their own street');
    }
    const { eventTypeKnown, policy, coverage } = await this.policies.findCover(tx, resident.districtCode, dto.incidentDate, dto.eventType);
    if (!eventTypeKnown) throw DomainError.validation('eventType', 'no such event type');
    if (dto.incidentDate > shanghaiToday()) {
      throw DomainError.rule('INCIDENT_IN_FUTURE', 'The incident date is in the future');
    }
    if (!policy) {
      throw DomainError.rule('OUTSIDE_POLICY_PERIOD', `No active policy of district ${resident.districtCode} covers ${dto.incidentDate}`);
    }
    if (!coverage) throw DomainError.rule('NOT_COVERED', `Policy ${policy.policyNo} does not cover ${dto.eventType}`);
    if (coverage.requiredDocuments.includes('police_report') && !policeReportNo) {
      throw DomainError.rule('POLICE_REPORT_REQUIRED', `A police report number is required for ${dto.eventType}`);
    }
    const reportedAt = new Date();
    const claim = {
      id: randomUUID(),
      districtCode: policy.districtCode,
      year: policy.year,
      streetCode: resident.streetCode,
      policyId: policy.id,
      insurerId: policy.insurerId,
      coverageId: coverage.id,
      eventType: dto.eventType,
      residentId: resident.id,
      incidentDate: dto.incidentDate,
      incidentPlace: dto.incidentPlace,
      description: dto.description,
      policeReportNo,
      claimedAmount,
      payeeAccountName: dto.payee.accountName,
      payeeBankName: dto.payee.bankName,
      payeeAccountCipher: this.crypto.encrypt(accountNo),
      payeeAccountIndex: this.crypto.blindIndex(accountNo),
      payeeAccountMasked: maskAccountNo(accountNo),
      reportedAt,
    };
    const flags = await this.flags.evaluate(tx, { ...claim, reportDate: shanghaiDate(reportedAt), verifiedLoss: null }, coverage);

    await this.workflow.file(tx, claim, caller, flags, {
      residentId: resident.id, policyId: policy.id, eventType: claim.eventType, incidentDate: claim.incidentDate,
      claimedAmount: formatMoney(claimedAmount), flags: flags.map((flag) => flag.code),
    }, policy);
    return claim.id;
  }

  async list(caller: AuthUser, query: ListClaimsQuery): Promise<Page<ClaimListItemResponse>> {
    if (query.from && query.to && query.from > query.to) throw DomainError.validation('to', 'to must not be before from');
    const [rows, total] = await this.claimLists.listInScope(this.db.manager, caller, { ...query, today: this.clock.today() }, (query.page - 1) * query.pageSize, query.pageSize);
    return pageOf(rows.map(toClaimListItem), total, query);
  }

  /** A cadre of the claim's street withdraws it before assessment; the workflow records who, when and why. */
  async withdraw(tx: EntityManager, caller: AuthUser, step: AllowedTransition, dto: WithdrawClaimDto): Promise<void> {
    await this.workflow.apply(tx, step, caller, { reason: dto.reason });
  }
}
