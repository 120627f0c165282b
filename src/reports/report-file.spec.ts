import { describe, expect, it } from '@jest/globals';
import { annualReportFileName, contentDisposition, multiYearReportFileName } from './report-file.js';

describe('report file names', () => {
  it('names the annual report in ASCII and in Chinese', () => {
    const name = annualReportFileName({ districtCode: '350205', districtName: '海沧区', year: 2022 }, 'pdf');
    expect(name).toEqual({ ascii: '350205-2022-annual-claims-report.pdf', unicode: '海沧区-2022-年度理赔报告.pdf' });
  });

  it('names the multi-year report by its range', () => {
    const name = multiYearReportFileName({ districtCode: '350211', districtName: '集美区', from: 2018, to: 2022 }, 'xlsx');
    expect(name).toEqual({ ascii: '350211-2018-2022-multi-year-claims-report.xlsx', unicode: '集美区-2018-2022-多年度理赔报告.xlsx' });
  });

  it('replaces path separators, quotes and control characters in a district name', () => {
    const name = annualReportFileName({ districtCode: '350205', districtName: 'A/B\\"C\r\n\u200b', year: 2022 }, 'csv');
    expect(name.unicode).toBe('A_B__C___-2022-年度理赔报告.csv');
  });

  it('writes an RFC 5987 filename* that decodes back to the Chinese name', () => {
    const header = contentDisposition({ ascii: '350205-2022-annual-claims-report.pdf', unicode: "海沧区 (试点)'s-2022-年度理赔报告.pdf" });
    const match = /^attachment; filename="([ -~]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
    expect(match).not.toBeNull();
    expect(match![1]).toBe('350205-2022-annual-claims-report.pdf');
    expect(decodeURIComponent(match![2])).toBe("海沧区 (试点)'s-2022-年度理赔报告.pdf");
  });
});
