import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatMoney } from '../../common/money.js';
import { PolicyDeadlinesResponse } from '../../deadlines/dto/deadline.dto.js';
import type { PolicyStatus } from '../entities/policy.entity.js';
import type { CoverageRecord, PolicyRecord } from '../policies.repository.js';
import { leftOf } from '../policy-limits.js';
import { effectiveStatus } from '../policy-terms.js';
import { POLICY_STATUSES } from './policy.requests.js';

export class CoverageResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'fire' }) eventType: string;
  @ApiProperty({ example: '火灾' }) nameZh: string;
  @ApiProperty({ example: 'Fire damage to a home or shop' }) nameEn: string;
  @ApiProperty({ example: '50000.00' }) perClaimLimit: string;
  @ApiProperty({ example: '50000.00' }) perPersonAnnualLimit: string;
  @ApiProperty({ example: '0.00' }) deductible: string;
  @ApiProperty({ example: 10000, description: 'basis points, 10000 = 100 %' }) payoutRatioBp: number;
  @ApiProperty({ example: 30 }) reportWindowDays: number;
  @ApiProperty({ example: ['id_card', 'fire_certificate'] }) requiredDocuments: string[];
}

export class PolicyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'PICC-ZZ-350205-2022' }) policyNo: string;
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '海沧区' }) districtName: string;
  @ApiProperty({ format: 'uuid' }) insurerId: string;
  @ApiProperty({ example: '中国人民财产保险股份有限公司厦门市分公司' }) insurerName: string;
  @ApiProperty({ example: 2022 }) year: number;
  @ApiProperty({ example: '2022-01-01' }) periodStart: string;
  @ApiProperty({ example: '2022-12-31' }) periodEnd: string;
  @ApiProperty({ example: '1880000.00' }) premium: string;
  @ApiProperty({ example: '4500000.00' }) aggregateLimit: string;
  @ApiProperty({ example: '50000.00' }) fourEyesThreshold: string;
  @ApiProperty({ enum: POLICY_STATUSES, description: 'an active policy whose period is over reports expired' }) status: PolicyStatus;
  @ApiPropertyOptional({ nullable: true }) activatedAt: string | null;
  @ApiProperty({ type: PolicyDeadlinesResponse, description: 'service deadlines (时效) of the policy\'s claims' }) deadlines: PolicyDeadlinesResponse;
  @ApiProperty({ type: [CoverageResponse] }) coverages: CoverageResponse[];
  @ApiProperty({ example: '35000.00', description: 'sum of the approved amounts of the policy\'s claims' }) aggregateUsed: string;
  @ApiProperty({ example: '4465000.00' }) aggregateLeft: string;
}

export function toCoverageResponse(coverage: CoverageRecord): CoverageResponse {
  return {
    id: coverage.id,
    eventType: coverage.eventType,
    nameZh: coverage.event.nameZh,
    nameEn: coverage.event.nameEn,
    perClaimLimit: formatMoney(coverage.perClaimLimit),
    perPersonAnnualLimit: formatMoney(coverage.perPersonAnnualLimit),
    deductible: formatMoney(coverage.deductible),
    payoutRatioBp: coverage.payoutRatioBp,
    reportWindowDays: coverage.reportWindowDays,
    requiredDocuments: coverage.requiredDocuments,
  };
}

export function toPolicyResponse(policy: PolicyRecord, coverages: CoverageRecord[], aggregateUsed: bigint, today: string): PolicyResponse {
  return {
    id: policy.id,
    policyNo: policy.policyNo,
    districtCode: policy.districtCode,
    districtName: policy.district.name,
    insurerId: policy.insurerId,
    insurerName: policy.insurer.name,
    year: policy.year,
    periodStart: policy.periodStart,
    periodEnd: policy.periodEnd,
    premium: formatMoney(policy.premium),
    aggregateLimit: formatMoney(policy.aggregateLimit),
    fourEyesThreshold: formatMoney(policy.fourEyesThreshold),
    status: effectiveStatus(policy.status, policy.periodEnd, today),
    activatedAt: policy.activatedAt?.toISOString() ?? null,
    deadlines: {
      verifyWorkingDays: policy.verifyWorkingDays, assessWorkingDays: policy.assessWorkingDays, decideDays: policy.decideDays,
      payWorkingDays: policy.payWorkingDays, denialNoticeDays: policy.denialNoticeDays,
    },
    coverages: coverages.map(toCoverageResponse),
    aggregateUsed: formatMoney(aggregateUsed),
    aggregateLeft: formatMoney(leftOf(policy.aggregateLimit, aggregateUsed)),
  };
}
