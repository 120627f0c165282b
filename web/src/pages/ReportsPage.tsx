import { FileExcelOutlined, FilePdfOutlined, FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { policiesControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import { reportsControllerAnnual, reportsControllerMultiYear } from '../api/sdk.gen.js';
import { download } from '../app/files.js';
import { useDistricts } from '../app/scope.js';
import { useMe } from '../app/session.js';

type Format = 'pdf' | 'xlsx' | 'csv';
const FORMATS: { format: Format; label: string; icon: React.ReactNode }[] = [
  { format: 'pdf', label: 'PDF', icon: <FilePdfOutlined /> },
  { format: 'xlsx', label: 'Excel', icon: <FileExcelOutlined /> },
  { format: 'csv', label: 'CSV', icon: <FileTextOutlined /> },
];

/** The annual and multi-year reports of the district as files (downloaded with the bearer token). */
export function ReportsPage() {
  const me = useMe();
  const { message } = App.useApp();
  const districts = useDistricts();
  const [picked, setPicked] = useState<string>();
  const districtCode = me.districtCode ?? picked ?? districts.data?.[0]?.code ?? '';
  const policies = useQuery({ ...policiesControllerListOptions({ query: { districtCode, pageSize: 100 } }), enabled: Boolean(districtCode) });
  const years = [...new Set((policies.data?.items ?? []).map((p) => p.year))].sort((a, b) => b - a);
  const [year, setYear] = useState<number>();
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const annualYear = year ?? years[0];
  const span = { from: from ?? years[years.length - 1], to: to ?? years[0] };
  const [busy, setBusy] = useState<string | null>(null);
  const save = async (key: string, call: Parameters<typeof download>[0], name: string) => {
    setBusy(key);
    await download(call, name).catch((e: Error) => message.error(e.message));
    setBusy(null);
  };

  return (
    <>
      <Typography.Title level={4} className="page-title">报表下载</Typography.Title>
      {!me.districtCode && (
        <Select aria-label="区县" value={districtCode} onChange={setPicked} style={{ width: 200, marginBottom: 12, display: 'block' }}
          options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
      )}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card size="small" title="年度报告" className="section">
            <Form layout="vertical">
              <Form.Item label="年度" htmlFor="annual-year">
                <Select id="annual-year" value={annualYear} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
              </Form.Item>
            </Form>
            <Space wrap>
              {FORMATS.map(({ format, label, icon }) => (
                <Button key={format} icon={icon} loading={busy === `annual-${format}`} disabled={!annualYear}
                  onClick={() => save(`annual-${format}`, () => reportsControllerAnnual({ query: { districtCode, year: annualYear!, format }, parseAs: 'blob' }), `年度报告-${annualYear}.${format}`)}>
                  {label}
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title="多年度报告" className="section">
            <Form layout="vertical">
              <Row gutter={12}>
                <Col span={12}><Form.Item label="起始年度" htmlFor="multi-from"><InputNumber id="multi-from" value={span.from} onChange={(v) => setFrom(v ?? undefined)} style={{ width: '100%' }} /></Form.Item></Col>
                <Col span={12}><Form.Item label="截止年度" htmlFor="multi-to"><InputNumber id="multi-to" value={span.to} onChange={(v) => setTo(v ?? undefined)} style={{ width: '100%' }} /></Form.Item></Col>
              </Row>
            </Form>
            <Space wrap>
              {FORMATS.map(({ format, label, icon }) => (
                <Button key={format} icon={icon} loading={busy === `multi-${format}`} disabled={!span.from || !span.to}
                  onClick={() => save(`multi-${format}`, () => reportsControllerMultiYear({ query: { districtCode, from: span.from!, to: span.to!, format }, parseAs: 'blob' }), `多年度报告-${span.from}-${span.to}.${format}`)}>
                  {label}
                </Button>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}
