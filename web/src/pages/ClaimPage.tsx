import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Grid, Result, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLocation, useParams } from 'react-router';
import { claimsControllerGetOptions } from '../api/@tanstack/react-query.gen.js';
import { claimsControllerDenialNotice, claimsControllerNotice } from '../api/sdk.gen.js';
import type { ClaimResponse } from '../api/types.gen.js';
import { errorText, isNotFound } from '../app/errors.js';
import { download } from '../app/files.js';
import { FLAG_TEXT, STAGE_TEXT, STATUS_TEXT } from '../app/labels.js';
import { yuan } from '../app/money.js';
import { useStreetNames } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { CadreActions } from '../components/CadreActions.js';
import { StatusTag } from '../components/ClaimTags.js';
import { DocumentsPanel } from '../components/DocumentsPanel.js';
import { InsurerActions, QuoteSteps } from '../components/InsurerActions.js';

const time = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

function Deadline({ claim }: { claim: ClaimResponse }) {
  const d = claim.deadline;
  if (!d) return null;
  const text = `${STAGE_TEXT[d.stage] ?? d.stage}时限 ${d.dueDate}`;
  if (d.paused) return <Tag>{text}（补充材料期间暂停计时）</Tag>;
  return d.overdue ? <Tag color="red">{text} · 已超时</Tag> : <Tag color="gold">{text} · 剩 {d.daysLeft} 天</Tag>;
}

function History({ claim }: { claim: ClaimResponse }) {
  return (
    <Card size="small" title="办理过程" className="section">
      <Timeline items={[
        { color: 'blue', content: <><strong>报案</strong><div className="muted">{time(claim.reportedAt)}</div></> },
        ...claim.history.filter((h) => h.from && h.from !== h.to).map((h) => ({
          color: h.to === 'denied' || h.to === 'withdrawn' ? 'red' : h.to === 'paid' ? 'green' : 'blue',
          content: (
            <>
              <strong>{STATUS_TEXT[h.from]} → {STATUS_TEXT[h.to]}</strong>
              <div className="muted">{time(h.at)}</div>
              {h.reason && <div>{h.reason}</div>}
            </>
          ),
        })),
      ]} />
    </Card>
  );
}

function Downloads({ claim }: { claim: ClaimResponse }) {
  const { message } = App.useApp();
  const save = (call: Parameters<typeof download>[0], name: string) => download(call, name).catch((e: Error) => message.error(e.message));
  if (claim.status === 'paid' || (claim.status === 'closed' && claim.payment)) {
    return <Button icon={<DownloadOutlined />} onClick={() => save(() => claimsControllerNotice({ path: { id: claim.id }, parseAs: 'blob' }), `理赔通知书-${claim.claimNo}.pdf`)}>理赔通知书</Button>;
  }
  if (claim.status === 'denied' || (claim.status === 'closed' && claim.approval?.decision === 'deny')) {
    return <Button icon={<DownloadOutlined />} onClick={() => save(() => claimsControllerDenialNotice({ path: { id: claim.id }, parseAs: 'blob' }), `拒赔通知书-${claim.claimNo}.pdf`)}>拒赔通知书</Button>;
  }
  return null;
}

/** One claim: its facts, flags explained, documents, the caller's next step and the timeline. */
export function ClaimPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const location = useLocation();
  const phone = !Grid.useBreakpoint().md;
  const claim = useQuery({ ...claimsControllerGetOptions({ path: { id } }), retry: (n, e) => !isNotFound(e) && n < 1 });
  const streetName = useStreetNames(claim.data?.districtCode);
  if (claim.isLoading) return <Spin description="正在加载…" />;
  if (claim.error) {
    return isNotFound(claim.error)
      ? <Result status="404" title="未找到" subTitle="该案件不存在，或不在您的管辖范围内" />
      : <Alert type="error" showIcon title={errorText(claim.error)} />;
  }
  const c = claim.data!;
  const cadre = me.role === 'street_cadre';
  const insurer = me.role === 'insurer_adjuster' || me.role === 'insurer_manager';
  const canUpload = cadre && ['reported', 'verifying', 'needs_info'].includes(c.status);

  const facts = (
    <Card size="small" title="案件信息" className="section">
      <Descriptions column={phone ? 1 : 2} size="small" items={[
        { key: 'resident', label: '被保险人', children: `${c.resident.name}（${c.resident.idNumberMasked}）` },
        { key: 'street', label: '街镇', children: streetName(c.streetCode) },
        { key: 'date', label: '事发日期', children: c.incidentDate },
        { key: 'place', label: '事发地点', children: c.incidentPlace },
        { key: 'desc', label: '经过', children: c.description, span: phone ? 1 : 2 },
        ...(c.policeReportNo ? [{ key: 'police', label: '报警回执号', children: c.policeReportNo }] : []),
        { key: 'policy', label: '保单', children: c.policyNo },
        { key: 'claimed', label: '申请金额', children: yuan(c.claimedAmount) },
        { key: 'verified', label: '核查损失', children: yuan(c.verifiedLoss) },
        { key: 'assessed', label: '核定金额', children: yuan(c.assessedAmount) },
        { key: 'approved', label: '审批金额', children: yuan(c.approvedAmount) },
        { key: 'paid', label: '已支付', children: c.payment ? `${yuan(c.paidAmount)} · ${time(c.payment.paidAt)} · 流水号 ${c.payment.bankReference}` : '—' },
        ...(c.payee ? [{ key: 'payee', label: '收款账户', children: `${c.payee.accountName} · ${c.payee.bankName} · ${c.payee.accountNoMasked}` }] : []),
        ...(c.verification?.recordedAt ? [{ key: 'findings', label: '核查情况', span: phone ? 1 : 2, children:
          `${time(c.verification.visitedAt)} · ${c.verification.participants?.join('、')} · ${c.verification.findings} · 意见：${c.verification.recommendation === 'pay' ? '建议赔付' : '建议拒赔'}` }] : []),
        ...(c.approval ? [{ key: 'decision', label: '审批', children: c.approval.decision === 'approve' ? `同意赔付 ${yuan(c.approval.amount)}` : `拒赔${c.approval.note ? `：${c.approval.note}` : ''}` }] : []),
      ]} />
    </Card>
  );

  return (
    <>
      {(location.state as { filed?: boolean } | null)?.filed && (
        <Alert type="success" showIcon closable style={{ marginBottom: 12 }} title={`已报案，案件编号 ${c.claimNo}`} description="请上传所需材料，并请本街道另一位干部进行现场核查。" />
      )}
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>{c.eventTypeNameZh}</Typography.Title>
        <StatusTag status={c.status} />
        <Typography.Text type="secondary" data-testid="claim-no">{c.claimNo}</Typography.Text>
        <Deadline claim={c} />
        <Downloads claim={c} />
      </Space>
      {c.flags.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="风险标记（须理赔主管审批）" description={
          <ul className="flag-list">{c.flags.map((f) => (
            <li key={f.code}><strong>{FLAG_TEXT[f.code]?.name ?? f.code}</strong>：{FLAG_TEXT[f.code]?.explain}{f.relatedClaimNo ? `（相关案件 ${f.relatedClaimNo}）` : ''}</li>
          ))}</ul>
        } />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          {cadre && <CadreActions claim={c} />}
          {insurer && <InsurerActions claim={c} />}
          {facts}
          {c.assessment && <Card size="small" title="核定测算" className="section"><QuoteSteps quote={c.assessment.quote} />
            {c.assessment.reason && <Typography.Paragraph>调低原因：{c.assessment.reason}</Typography.Paragraph>}</Card>}
        </Col>
        <Col xs={24} lg={10}>
          <DocumentsPanel claim={c} canUpload={canUpload} previewAll={insurer && !phone} />
          <History claim={c} />
        </Col>
      </Row>
    </>
  );
}
