import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { formatMoney } from '../../common/money.js';
import type {
  AnnualReport, AnnualReportOf, BreakdownOf, EventTypeRowOf, MonthRowOf, MultiYearReport, MultiYearReportOf, MultiYearRowOf,
  PolicySummaryOf, PreviousYearOf, ProcessingDays, ReportTotalsOf, StageTimeliness, StreetRowOf, Timeliness,
} from '../render/report-types.js';

// The report shapes of render/report-types.ts with money as yuan strings.

export class PolicySummaryResponse implements PolicySummaryOf<string> {
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

export class ReportTotalsResponse implements ReportTotalsOf<string> {
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

export class EventTypeRowResponse implements EventTypeRowOf<string> {
  @ApiProperty({ example: 'fire' }) eventType: string;
  @ApiProperty({ example: '火灾' }) nameZh: string;
  @ApiProperty({ example: 12 }) claims: number;
  @ApiProperty({ example: 10 }) paid: number;
  @ApiProperty({ example: '215000.00' }) paidAmount: string;
}

export class StreetRowResponse implements StreetRowOf<string> {
  @ApiProperty({ example: '350205002' }) streetCode: string;
  @ApiProperty({ example: '新阳街道' }) streetName: string;
  @ApiProperty({ example: 80 }) claims: number;
  @ApiProperty({ example: 66 }) paid: number;
  @ApiProperty({ example: '512000.00' }) paidAmount: string;
}

export class MonthRowResponse implements MonthRowOf<string> {
  @ApiProperty({ example: '2022-06', description: 'month of the incident date' }) month: string;
  @ApiProperty({ example: 27 }) claims: number;
  @ApiProperty({ example: 21 }) paid: number;
  @ApiProperty({ example: '160500.00' }) paidAmount: string;
}

export class ProcessingDaysResponse implements ProcessingDays {
  @ApiProperty({ example: 14.5, nullable: true, type: Number, description: 'days from report to payment, one decimal; null without paid claims' })
  median: number | null;
  @ApiProperty({ example: 27.1, nullable: true, type: Number }) p90: number | null;
  @ApiProperty({ example: 41.9, nullable: true, type: Number }) max: number | null;
}

export class PreviousYearResponse implements PreviousYearOf<string> {
  @ApiProperty({ example: 183 }) paid: number;
  @ApiProperty({ example: '1590000.00' }) paidAmount: string;
}

export class StageTimelinessResponse implements StageTimeliness {
  @ApiProperty({ example: 230, description: 'claims that finished the stage by its due date' }) onTime: number;
  @ApiProperty({ example: 11, description: 'claims that finished it after the due date' }) late: number;
  @ApiProperty({ example: '0.9544', nullable: true, type: String, description: 'onTime / (onTime + late), four decimals; null when none finished' })
  onTimeShare: string | null;
}

export class TimelinessResponse implements Timeliness {
  @ApiProperty({ description: 'report → verified' }) verify: StageTimelinessResponse;
  @ApiProperty({ description: 'verified → assessed' }) assess: StageTimelinessResponse;
  @ApiProperty({ description: 'report → approved or denied' }) decide: StageTimelinessResponse;
  @ApiProperty({ description: 'approved → paid' }) pay: StageTimelinessResponse;
  @ApiProperty({ description: 'denied → refusal notice issued' }) denial_notice: StageTimelinessResponse;
}

export class AnnualReportResponse implements AnnualReportOf<string> {
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

export class MultiYearRowResponse implements MultiYearRowOf<string> {
  @ApiProperty({ example: 2022 }) year: number;
  @ApiProperty({ example: 21, description: 'event types the policy of that year covered' }) coveredEvents: number;
  @ApiProperty({ example: 216 }) claimsPaid: number;
  @ApiProperty({ example: '2203000.00' }) paidAmount: string;
}

type MultiYearTotal = MultiYearReportOf<string>['total'];

export class MultiYearTotalResponse implements MultiYearTotal {
  @ApiProperty({ example: 765 }) claimsPaid: number;
  @ApiProperty({ example: '8012345.67' }) paidAmount: string;
}

export class MultiYearReportResponse implements MultiYearReportOf<string> {
  @ApiProperty({ example: '350205' }) districtCode: string;
  @ApiProperty({ example: '海沧区' }) districtName: string;
  @ApiProperty({ example: 2018 }) from: number;
  @ApiProperty({ example: 2022 }) to: number;
  @ApiProperty({ type: [MultiYearRowResponse], description: 'every year of the range' }) years: MultiYearRowResponse[];
  @ApiProperty() total: MultiYearTotalResponse;
  @ApiProperty({ example: '2026-11-26T08:00:00.000Z' }) generatedAt: string;
}

const inYuan = <T extends BreakdownOf<bigint>>(row: T): Omit<T, 'paidAmount'> & { paidAmount: string } => ({
  ...row, paidAmount: formatMoney(row.paidAmount),
});

export function toAnnualReportResponse(report: AnnualReport): AnnualReportResponse {
  const { policy, totals, previousYear } = report;
  return {
    ...report,
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
    byEventType: report.byEventType.map(inYuan),
    byStreet: report.byStreet.map(inYuan),
    byMonth: report.byMonth.map(inYuan),
    previousYear: previousYear && { paid: previousYear.paid, paidAmount: formatMoney(previousYear.paidAmount) },
  };
}

export function toMultiYearReportResponse(report: MultiYearReport): MultiYearReportResponse {
  return {
    ...report,
    years: report.years.map((y) => ({ ...y, paidAmount: formatMoney(y.paidAmount) })),
    total: { claimsPaid: report.total.claimsPaid, paidAmount: formatMoney(report.total.paidAmount) },
  };
}
