import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatMoney } from '../../common/money.js';
import { DEADLINE_STAGES, type DeadlineStage } from '../../deadlines/deadline-rules.js';
import type { District } from '../../regions/entities/district.entity.js';
import type { AnnualFigures, BreakdownFigures, MultiYearFigures } from '../reports.repository.js';

export class PolicySummaryResponse {
  @ApiProperty({ example: 'PICC-ZZ-350205-2022' }) policyNo: string;
  @ApiProperty({ example: '中国人民财产保险股份有限公司厦门市分公司' }) insurer: string;
  @ApiProperty({ example: '2022-01-01' }) periodStart: string;
  @ApiProperty({ example: '2022-12-31' }) periodEnd: string;
  @ApiProperty({ example: '1880000.00' }) premium: string;
  @ApiProperty({ example: '4500000.00' }) aggregateLimit: string;
  @ApiProperty({ example: '2034512.30', description: 'sum of approved amounts of the policy' }) aggregateUsed: string;
  @ApiProperty({ example: '0.9841', nullable: true, type: String, description: 'paid / premium, four decimals; null when the premium is zero' })
  lossRatio: string | null;
}

export class ReportTotalsResponse {
  @ApiProperty({ example: 312, description: 'every claim filed for the policy year, withdrawn ones included' }) reported: number;
  @ApiProperty({ example: 247, description: 'claims with an approved amount (approved, paid or closed after payment)' }) approved: number;
  @ApiProperty({ example: 18, description: 'denied, or closed after denial' }) denied: number;
  @ApiProperty({ example: 241 }) paid: number;
  @ApiProperty({ example: 31, description: 'reported, verifying, verified, needs_info or assessed' }) pending: number;
  @ApiProperty({ example: 16, description: 'reported = approved + denied + pending + withdrawn' }) withdrawn: number;
  @ApiProperty({ example: '2650000.00' }) claimedAmount: string;
  @ApiProperty({ example: '2034512.30' }) approvedAmount: string;
  @ApiProperty({ example: '1850120.30' }) paidAmount: string;
}

export class EventTypeRowResponse {
  @ApiProperty({ example: 'fire' }) eventType: string;
  @ApiProperty({ example: '火灾' }) nameZh: string;
  @ApiProperty({ example: 12 }) claims: number;
  @ApiProperty({ example: 10 }) paid: number;
  @ApiProperty({ example: '215000.00' }) paidAmount: string;
}

export class StreetRowResponse {
  @ApiProperty({ example: '350205002' }) streetCode: string;
  @ApiProperty({ example: '新阳街道' }) streetName: string;
  @ApiProperty({ example: 80 }) claims: number;
  @ApiProperty({ example: 66 }) paid: number;
  @ApiProperty({ example: '512000.00' }) paidAmount: string;
}

export class MonthRowResponse {
  @ApiProperty({ example: '2022-06', description: 'month of the incident date' }) month: string;
  @ApiProperty({ example: 27 }) claims: number;
  @ApiProperty({ example: 21 }) paid: number;
  @ApiProperty({ example: '160500.00' }) paidAmount: string;
}

export class ProcessingDaysResponse {
  @ApiProperty({ example: 14.5, nullable: true, type: Number, description: 'days from report to payment, one decimal; null without paid claims' })
  median: number | null;
  @ApiProperty({ example: 27.1, nullable: true, type: Number }) p90: number | null;
  @ApiProperty({ example: 41.9, nullable: true, type: Number }) max: number | null;
}

export class PreviousYearResponse {
  @ApiProperty({ example: 183 }) paid: number;
  @ApiProperty({ example: '1590000.00' }) paidAmount: string;
}

export class StageTimelinessResponse {
  @ApiProperty({ example: 230, description: 'claims that finished the stage by its due date' }) onTime: number;
  @ApiProperty({ example: 11, description: 'claims that finished it after the due date' }) late: number;
  @ApiProperty({ example: '0.9544', nullable: true, type: String, description: 'onTime / (onTime + late), four decimals; null when none finished' })
  onTimeShare: string | null;
}

export class TimelinessResponse {
  @ApiProperty({ description: 'report → verified' }) verify: StageTimelinessResponse;
  @ApiProperty({ description: 'verified → assessed' }) assess: StageTimelinessResponse;
  @ApiProperty({ description: 'report → approved or denied' }) decide: StageTimelinessResponse;
  @ApiProperty({ description: 'approved → paid' }) pay: StageTimelinessResponse;
  @ApiProperty({ description: 'denied → refusal notice issued' }) denial_notice: StageTimelinessResponse;
}

export class AnnualReportResponse {
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '海沧区' }) districtName: string;
  @ApiProperty({ example: 2022, description: 'policy year' }) year: number;
  @ApiPropertyOptional({ type: PolicySummaryResponse, nullable: true, description: 'null when the district had no policy that year' })
  policy: PolicySummaryResponse | null;
  @ApiProperty() totals: ReportTotalsResponse;
  @ApiProperty({ type: [EventTypeRowResponse], description: 'every covered event type in catalogue order, zero rows included' })
  byEventType: EventTypeRowResponse[];
  @ApiProperty({ type: [StreetRowResponse], description: 'every street of the district, zero rows included' })
  byStreet: StreetRowResponse[];
  @ApiProperty({ type: [MonthRowResponse], description: 'all twelve months by incident date, zero rows included' })
  byMonth: MonthRowResponse[];
  @ApiProperty() processingDays: ProcessingDaysResponse;
  @ApiPropertyOptional({ type: PreviousYearResponse, nullable: true, description: 'null when the district had neither policy nor claims the year before' })
  previousYear: PreviousYearResponse | null;
  @ApiProperty({ description: 'per stage, the claims of the year that finished it on time and late' }) timeliness: TimelinessResponse;
  @ApiProperty({ example: '2026-11-26T08:00:00.000Z' }) generatedAt: string;
}

export class MultiYearRowResponse {
  @ApiProperty({ example: 2022 }) year: number;
  @ApiProperty({ example: 21, description: 'event types the policy of that year covered' }) coveredEvents: number;
  @ApiProperty({ example: 216 }) claimsPaid: number;
  @ApiProperty({ example: '2203000.00' }) paidAmount: string;
}

export class MultiYearTotalResponse {
  @ApiProperty({ example: 765 }) claimsPaid: number;
  @ApiProperty({ example: '8012345.67' }) paidAmount: string;
}

export class MultiYearReportResponse {
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '海沧区' }) districtName: string;
  @ApiProperty({ example: 2018 }) from: number;
  @ApiProperty({ example: 2022 }) to: number;
  @ApiProperty({ type: [MultiYearRowResponse], description: 'every year of the range' }) years: MultiYearRowResponse[];
  @ApiProperty() total: MultiYearTotalResponse;
  @ApiProperty({ example: '2026-11-26T08:00:00.000Z' }) generatedAt: string;
}

const withMoney = <T extends BreakdownFigures>(row: T): T => ({ ...row, paidAmount: formatMoney(row.paidAmount) });

export function toAnnualReportResponse(district: District, year: number, figures: AnnualFigures, generatedAt: Date): AnnualReportResponse {
  const { policy, totals, previousYear } = figures;
  return {
    districtCode: district.code,
    districtName: district.name,
    year,
    policy: policy && {
      ...policy,
      premium: formatMoney(policy.premium),
      aggregateLimit: formatMoney(policy.aggregateLimit),
      aggregateUsed: formatMoney(policy.aggregateUsed),
    },
    totals: {
      ...totals,
      claimedAmount: formatMoney(totals.claimedAmount),
      approvedAmount: formatMoney(totals.approvedAmount),
      paidAmount: formatMoney(totals.paidAmount),
    },
    byEventType: figures.byEventType.map(withMoney),
    byStreet: figures.byStreet.map(withMoney),
    byMonth: figures.byMonth.map(withMoney),
    processingDays: figures.processingDays,
    previousYear: previousYear && { paid: previousYear.paid, paidAmount: formatMoney(previousYear.paidAmount) },
    timeliness: toTimeliness(figures.timeliness),
    generatedAt: generatedAt.toISOString(),
  };
}

/** Every stage, with zeros for a stage no claim of the year finished. */
function toTimeliness(rows: AnnualFigures['timeliness']): TimelinessResponse {
  const byStage = new Map(rows.map((row) => [row.stage, row]));
  return Object.fromEntries(DEADLINE_STAGES.map((stage: DeadlineStage) => {
    const row = byStage.get(stage);
    return [stage, row ? { onTime: row.onTime, late: row.late, onTimeShare: row.onTimeShare } : { onTime: 0, late: 0, onTimeShare: null }];
  })) as Record<DeadlineStage, StageTimelinessResponse>;
}

export function toMultiYearReportResponse(district: District, from: number, to: number, figures: MultiYearFigures, generatedAt: Date): MultiYearReportResponse {
  return {
    districtCode: district.code,
    districtName: district.name,
    from,
    to,
    years: figures.years.map((y) => ({ ...y, paidAmount: formatMoney(y.paidAmount) })),
    total: { claimsPaid: figures.total.claimsPaid, paidAmount: formatMoney(figures.total.paidAmount) },
    generatedAt: generatedAt.toISOString(),
  };
}
