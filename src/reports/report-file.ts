import { StreamableFile } from '@nestjs/common';
import type { ReportFileFormat } from './dto/report-query.dto.js';

export const CONTENT_TYPES: Record<ReportFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A download name in two spellings: plain ASCII for old clients, and the Chinese name for the rest. */
export interface ReportFileName {
  ascii: string;
  unicode: string;
}

export function annualReportFileName(report: { districtCode: string; districtName: string; year: number }, format: ReportFileFormat): ReportFileName {
  return {
    ascii: `${report.districtCode}-${report.year}-annual-claims-report.${format}`,
    unicode: `${safeName(report.districtName)}-${report.year}-年度理赔报告.${format}`,
  };
}

export function multiYearReportFileName(
  report: { districtCode: string; districtName: string; from: number; to: number },
  format: ReportFileFormat,
): ReportFileName {
  return {
    ascii: `${report.districtCode}-${report.from}-${report.to}-multi-year-claims-report.${format}`,
    unicode: `${safeName(report.districtName)}-${report.from}-${report.to}-多年度理赔报告.${format}`,
  };
}

export function payoutNoticeFileName(claimNo: string): ReportFileName {
  return { ascii: `${claimNo}-payout-notice.pdf`, unicode: `${claimNo}-理赔通知书.pdf` };
}

export function denialNoticeFileName(claimNo: string): ReportFileName {
  return { ascii: `${claimNo}-denial-notice.pdf`, unicode: `${claimNo}-拒赔通知书.pdf` };
}

/** RFC 6266 attachment with an RFC 5987 `filename*` that carries the UTF-8 name. */
export function contentDisposition(name: ReportFileName): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeRfc5987(name.unicode)}`;
}

// District names are entered by admins: keep them from turning into a path or breaking the header.
function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '_').trim() || '_';
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The file as the HTTP response: content type, length and download name. */
export function reportFile(content: Buffer, format: ReportFileFormat, name: ReportFileName): StreamableFile {
  return new StreamableFile(content, { type: CONTENT_TYPES[format], disposition: contentDisposition(name), length: content.length });
}
