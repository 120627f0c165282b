import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Grid, Progress, Row, Select, Space, Statistic, Table, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { policiesControllerListOptions, reportsControllerAnnualOptions } from '../api/@tanstack/react-query.gen.js';
import type { AnnualReportResponse } from '../api/types.gen.js';
import { STAGE_TEXT } from '../app/labels.js';
import { fen, yuan } from '../app/money.js';
import { useMe } from '../app/session.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { QueryError } from '../components/QueryError.js';

/** Ten-thousands of yuan for a chart axis (display only; the figures themselves stay strings). */
const wan = (amount: string) => Number(fen(amount) / 100n) / 10_000;

/** "+12.3%" from two integers or yuan strings, without floats on the amounts. */
function change(current: bigint, previous: bigint): string {
  if (previous === 0n) return '—';
  const permille = ((current - previous) * 1000n) / previous;
  const sign = permille > 0n ? '+' : permille < 0n ? '−' : '';
  const abs = permille < 0n ? -permille : permille;
  return `${sign}${abs / 10n}.${abs % 10n}%`;
}

const percent = (ratio: string | null) => (ratio === null ? '—' : `${(Number(ratio) * 100).toFixed(2)}%`);

function bar(names: string[], values: number[], horizontal: boolean): ChartOption {
  const category = { type: 'category', data: names, axisLabel: { interval: 0, rotate: horizontal ? 0 : 40 } };
  const value = { type: 'value', name: '万元' };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v} 万元` },
    grid: { left: horizontal ? 110 : 50, right: 20, top: 30, bottom: horizontal ? 30 : 90 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true, axisLabel: { interval: 0 } } : value,
    series: [{ type: 'bar', name: '赔付金额', data: values, itemStyle: { color: '#1f4e96' } }],
  };
}

/** A chart with its figures as a table under a second tab (what a screen reader and the tests read). */
function Breakdown({ title, testId, rows, chart }: {
  title: string; testId: string; chart: ChartOption;
  rows: { key: string; name: string; claims: number; paid: number; paidAmount: string }[];
}) {
  return (
    <Card size="small" title={title} className="section" data-testid={testId}>
      <Tabs size="small" items={[
        { key: 'chart', label: '图表', children: rows.length ? <Chart option={chart} label={title} height={Math.max(260, rows.length * 22)} /> : <Empty /> },
        { key: 'table', label: '数据', children: (
          <Table size="small" rowKey="key" pagination={false} dataSource={rows} scroll={{ x: true }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '报案数', dataIndex: 'claims', align: 'right' },
              { title: '赔付件数', dataIndex: 'paid', align: 'right' },
              { title: '赔付金额', dataIndex: 'paidAmount', align: 'right', render: yuan },
            ]} />
        ) },
      ]} />
    </Card>
  );
}

function Figures({ report }: { report: AnnualReportResponse }) {
  const t = report.totals;
  const p = report.policy;
  const prev = report.previousYear;
  const used = p ? Number((fen(p.aggregateUsed) * 10000n) / (fen(p.aggregateLimit) || 1n)) / 100 : 0;
  const figure = (id: string, title: string, value: string, extra?: string) => (
    <Col xs={12} md={6}>
      <Card size="small"><Statistic title={title} value={value} valueStyle={{ fontSize: 22 }} />
        <div data-testid={`figure-${id}`} className="visually-hidden">{value}</div>
        {extra && <Typography.Text type="secondary">{extra}</Typography.Text>}</Card>
    </Col>
  );
  return (
    <Row gutter={[12, 12]} className="section">
      {figure('paidAmount', '赔付金额', yuan(t.paidAmount), prev ? `同比 ${change(fen(t.paidAmount), fen(prev.paidAmount))}` : '无上年数据')}
      {figure('paid', '赔付件数', String(t.paid), prev ? `同比 ${change(BigInt(t.paid), BigInt(prev.paid))}` : undefined)}
      {figure('lossRatio', '赔付率（赔付/保费）', percent(p?.lossRatio ?? null), p ? `保费 ${yuan(p.premium)}` : '无保单')}
      {figure('reported', '报案数', String(t.reported), `待处理 ${t.pending} · 拒赔 ${t.denied}`)}
      <Col xs={24} md={12}>
        <Card size="small" title="年度累计赔偿限额使用">
          {p ? (
            <>
              <Progress percent={used} status={used > 90 ? 'exception' : 'active'} format={() => `${used.toFixed(2)}%`} />
              <div data-testid="figure-aggregateUsed">{yuan(p.aggregateUsed)} / {yuan(p.aggregateLimit)}</div>
              <Typography.Text type="secondary">{p.policyNo} · {p.insurer}</Typography.Text>
            </>
          ) : <Empty description="该年度没有保单" />}
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Card size="small" title="办理时长（报案到支付，天）">
          <Space size="large" data-testid="figure-processingDays">
            <Statistic title="中位数" value={report.processingDays.median ?? '—'} />
            <Statistic title="90 分位" value={report.processingDays.p90 ?? '—'} />
            <Statistic title="最长" value={report.processingDays.max ?? '—'} />
          </Space>
          <div className="muted" style={{ marginTop: 8 }}>
            {Object.entries(report.timeliness).filter(([, s]) => s.onTime + s.late > 0)
              .map(([stage, s]) => `${STAGE_TEXT[stage] ?? stage}按时 ${s.onTime}、超时 ${s.late}`).join('；') || '本年度没有时限记录'}
          </div>
        </Card>
      </Col>
    </Row>
  );
}

/** The district's year at a glance, from the annual report JSON. */
export function DashboardPage() {
  const me = useMe();
  const phone = !Grid.useBreakpoint().md;
  const districtCode = me.districtCode ?? '';
  const policies = useQuery(policiesControllerListOptions({ query: { districtCode, pageSize: 100 } }));
  const years = [...new Set((policies.data?.items ?? []).filter((p) => p.status !== 'draft').map((p) => p.year))].sort((a, b) => b - a);
  const [chosen, setChosen] = useState<number>();
  const year = chosen ?? years[0];
  const report = useQuery({ ...reportsControllerAnnualOptions({ query: { districtCode, year: year ?? 0 } }), enabled: year !== undefined });
  const r = report.data as AnnualReportResponse | undefined;
  const charts = useMemo(() => r && {
    events: bar(r.byEventType.map((e) => e.nameZh), r.byEventType.map((e) => wan(e.paidAmount)), true),
    streets: bar(r.byStreet.map((s) => s.streetName), r.byStreet.map((s) => wan(s.paidAmount)), true),
    months: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: ['赔付金额（万元）', '报案数'] },
      grid: { left: 50, right: 50, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: r.byMonth.map((m) => m.month.slice(5) + '月') },
      yAxis: [{ type: 'value', name: '万元' }, { type: 'value', name: '件' }],
      series: [
        { type: 'bar', name: '赔付金额（万元）', data: r.byMonth.map((m) => wan(m.paidAmount)), itemStyle: { color: '#1f4e96' } },
        { type: 'line', name: '报案数', yAxisIndex: 1, data: r.byMonth.map((m) => m.claims), itemStyle: { color: '#d4380d' } },
      ],
    },
  }, [r]);

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>{r?.districtName ?? ''}年度概览</Typography.Title>
        <Select aria-label="年度" value={year} onChange={setChosen} style={{ width: 120 }} loading={policies.isLoading}
          options={years.map((y) => ({ value: y, label: `${y} 年` }))} />
      </Space>
      <QueryError error={policies.error ?? report.error} />
      {r && charts && (
        <>
          <Figures report={r} />
          <Row gutter={12}>
            <Col xs={24} lg={12}>
              <Breakdown title="按事件类型" testId="by-event-type" chart={charts.events}
                rows={r.byEventType.map((e) => ({ key: e.eventType, name: e.nameZh, claims: e.claims, paid: e.paid, paidAmount: e.paidAmount }))} />
            </Col>
            <Col xs={24} lg={12}>
              <Breakdown title="按街镇" testId="by-street" chart={charts.streets}
                rows={r.byStreet.map((s) => ({ key: s.streetCode, name: s.streetName, claims: s.claims, paid: s.paid, paidAmount: s.paidAmount }))} />
            </Col>
          </Row>
          <Breakdown title="按月份" testId="by-month" chart={charts.months}
            rows={r.byMonth.map((m) => ({ key: m.month, name: m.month, claims: m.claims, paid: m.paid, paidAmount: m.paidAmount }))} />
          {!phone && <Typography.Text type="secondary">数据生成于 {new Date(r.generatedAt).toLocaleString('zh-CN')}</Typography.Text>}
        </>
      )}
    </>
  );
}
