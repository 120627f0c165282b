import { Injectable, type StreamableFile } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../auth/role.js';
import { DomainError } from '../common/domain-error.js';
import { Database } from '../database/database.js';
import { PoliciesRepository } from '../policies/policies.repository.js';
import type { District } from '../regions/entities/district.entity.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import type { AnnualReportQuery, MultiYearReportQuery, ReportFileFormat, ReportFormat } from './dto/report-query.dto.js';
import {
  toAnnualReportResponse, toMultiYearReportResponse, type AnnualReportResponse, type MultiYearReportResponse,
} from './dto/report.response.js';
import { renderAnnualCsv, renderMultiYearCsv } from './render/csv.js';
import type { AnnualReport, MultiYearReport } from './render/report-types.js';
import { renderAnnualXlsx, renderMultiYearXlsx } from './render/xlsx.js';
import { annualReportFileName, multiYearReportFileName, reportFile } from './report-file.js';
import { ReportsRepository, type ReportScope } from './reports.repository.js';

/** The PDF renderer, and pdfkit with it (about 28 MB of resident memory), loads with the first PDF asked for. */
const pdf = () => import('./render/pdf.js');
const ANNUAL_RENDERERS: Record<ReportFileFormat, (report: AnnualReport) => Buffer | Promise<Buffer>> = {
  csv: renderAnnualCsv, xlsx: renderAnnualXlsx, pdf: async (report) => (await pdf()).renderAnnualPdf(report),
};
const MULTI_YEAR_RENDERERS: Record<ReportFileFormat, (report: MultiYearReport) => Buffer | Promise<Buffer>> = {
  csv: renderMultiYearCsv, xlsx: renderMultiYearXlsx, pdf: async (report) => (await pdf()).renderMultiYearPdf(report),
};

@Injectable()
export class ReportsService {
  constructor(
    private readonly db: Database,
    private readonly reports: ReportsRepository,
    private readonly policies: PoliciesRepository,
    private readonly regions: RegionsRepository,
    private readonly audit: AuditService,
  ) {}

  async annual(caller: AuthUser, query: AnnualReportQuery): Promise<AnnualReportResponse | StreamableFile> {
    const { district, scope } = await this.scopeOf(caller, query.districtCode, query.year, query.year);
    const figures = await this.db.snapshot(async (tx) => {
      const { policy, ...rest } = await this.reports.annualFigures(tx, scope, query.year);
      if (!policy) return { ...rest, policy };
      const { policyId, ...summary } = policy;
      const { aggregateUsed } = (await this.policies.limitsUsed(tx, [policyId])).get(policyId)!;
      return { ...rest, policy: { ...summary, aggregateUsed } };
    });
    const report: AnnualReport = {
      districtCode: district.code, districtName: district.name, year: query.year, ...figures, generatedAt: new Date().toISOString(),
    };
    const output = query.format === 'json' ? toAnnualReportResponse(report)
      : reportFile(await ANNUAL_RENDERERS[query.format](report), query.format, annualReportFileName(report, query.format));
    await this.recordExport(caller, district, 'annual', String(query.year), query.format);
    return output;
  }

  async multiYear(caller: AuthUser, query: MultiYearReportQuery): Promise<MultiYearReportResponse | StreamableFile> {
    const { district, scope } = await this.scopeOf(caller, query.districtCode, query.from, query.to);
    const figures = await this.reports.multiYearFigures(this.db.manager, scope, query.from, query.to);
    const report: MultiYearReport = {
      districtCode: district.code, districtName: district.name, from: query.from, to: query.to, ...figures,
      generatedAt: new Date().toISOString(),
    };
    const output = query.format === 'json' ? toMultiYearReportResponse(report)
      : reportFile(await MULTI_YEAR_RENDERERS[query.format](report), query.format, multiYearReportFileName(report, query.format));
    await this.recordExport(caller, district, 'multi-year', `${query.from}-${query.to}`, query.format);
    return output;
  }

  /**
   * Admins read every district; a district officer their own; insurer staff a
   * district only for years in which their insurer held its policy, and then
   * only the claims of their insurer. Anything else looks like a missing report.
   */
  private async scopeOf(caller: AuthUser, districtCode: string, fromYear: number, toYear: number): Promise<{ district: District; scope: ReportScope }> {
    const district = await this.regions.findDistrict(this.db.manager, districtCode);
    if (!district || !(await this.mayRead(caller, districtCode, fromYear, toYear))) {
      throw DomainError.notFound('Report');
    }
    const insurerId = caller.role === Role.InsurerAdjuster || caller.role === Role.InsurerManager ? caller.insurerId : null;
    return { district, scope: { districtCode, insurerId } };
  }

  private async mayRead(caller: AuthUser, districtCode: string, fromYear: number, toYear: number): Promise<boolean> {
    switch (caller.role) {
      case Role.Admin:
        return true;
      case Role.DistrictOfficer:
        return caller.districtCode === districtCode;
      case Role.InsurerAdjuster:
      case Role.InsurerManager:
        return caller.insurerId !== null && this.reports.insurerHoldsPolicy(this.db.manager, caller.insurerId, districtCode, fromYear, toYear);
      case Role.StreetCadre:
        return false;
    }
  }

  /** Recorded once the report has been produced, in a transaction of its own so rendering never holds the audit chain. */
  private recordExport(caller: AuthUser, district: District, report: 'annual' | 'multi-year', period: string, format: ReportFormat): Promise<void> {
    return this.db.transaction((tx) => this.audit.record(tx, {
      actor: caller, action: 'report.export', entity: 'report', entityId: `${report}/${district.code}/${period}`,
      districtCode: district.code, data: { report, districtCode: district.code, period, format },
    }));
  }
}

