import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { claimsControllerQuoteOptions, denialReasonsControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import { claimsControllerAssess, claimsControllerDecide, claimsControllerPay, claimsControllerReturnForInformation } from '../api/sdk.gen.js';
import type { ClaimResponse, DecisionDto, PayoutQuoteResponse } from '../api/types.gen.js';
import { newIdempotencyKey } from '../app/claim-updates.js';
import { fen, yuan, yuanRule } from '../app/money.js';
import { useMe } from '../app/session.js';
import { ActionForm } from './ActionForm.js';
import { QueryError } from './QueryError.js';

const LIMITED_BY: Record<PayoutQuoteResponse['limitedBy'], string> = {
  loss: '按核查损失计算',
  per_claim_limit: '受每次事故赔偿限额限制',
  per_person_annual_limit: '受个人年度赔偿限额余额限制',
  aggregate_limit: '受保单年度累计赔偿限额余额限制',
};

/** Step names for a quote stored with an assessment, which keeps the amounts only. */
const STEP_TEXT: Record<string, string> = {
  verified_loss: '核定损失', deductible: '免赔额', after_deductible: '免赔后金额', payout_ratio: '按比例赔付金额',
  per_claim_limit: '每次事故赔偿限额', per_person_annual_left: '每人年度剩余限额', aggregate_left: '保单累计剩余限额', payable: '应赔付金额',
};

/** The payout calculator's steps as the quote gives them. */
export function QuoteSteps({ quote }: { quote: PayoutQuoteResponse }) {
  return (
    <>
      <Table size="small" pagination={false} rowKey="step" dataSource={quote.steps}
        columns={[
          { title: '步骤', render: (_, s) => s.name || STEP_TEXT[s.step] || s.step },
          { title: '金额', dataIndex: 'amount', align: 'right', render: yuan },
          // A quote stored with an assessment keeps no notes: no empty column for it.
          ...(quote.steps.some((s) => s.note) ? [{ title: '说明', dataIndex: 'note', responsive: ['md' as const] }] : []),
        ]} />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        可赔金额 <Typography.Text strong data-testid="payable">{yuan(quote.payable)}</Typography.Text>（{LIMITED_BY[quote.limitedBy]}）
      </Typography.Paragraph>
    </>
  );
}

function Assess({ claim }: { claim: ClaimResponse }) {
  const quote = useQuery(claimsControllerQuoteOptions({ path: { id: claim.id } }));
  const [form] = Form.useForm<{ amount?: string; reason?: string }>();
  const amount = Form.useWatch('amount', form);
  const lowered = Boolean(amount) && quote.data !== undefined && yuanRule.pattern.test(amount!) && fen(amount!) < fen(quote.data.payable);
  return (
    <>
      <QueryError error={quote.error} />
      {quote.data && <QuoteSteps quote={quote.data} />}
      <ActionForm form={form} submitText="核定" action={({ amount: a, reason }) => claimsControllerAssess({
        path: { id: claim.id }, body: a ? { amount: a, reason } : {},
      })}>
        <Form.Item label="核定金额（不填则按可赔金额）" name="amount" rules={[yuanRule, {
          validator: (_, v?: string) => !v || !quote.data || !yuanRule.pattern.test(v) || fen(v) <= fen(quote.data.payable)
            ? Promise.resolve() : Promise.reject(new Error('核定金额只能低于或等于可赔金额')),
        }]}>
          <Input inputMode="decimal" prefix="¥" suffix="元" placeholder={quote.data?.payable} autoComplete="off" />
        </Form.Item>
        {lowered && (
          <Form.Item label="调低原因" name="reason" rules={[{ required: true, whitespace: true, message: '调低核定金额须说明原因' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
      </ActionForm>
    </>
  );
}

function Decide({ claim }: { claim: ClaimResponse }) {
  const [form] = Form.useForm<DecisionDto>();
  const decision = Form.useWatch('decision', form);
  const reasons = useQuery(denialReasonsControllerListOptions());
  return (
    <ActionForm form={form} submitText={decision === 'deny' ? '拒赔' : '审批通过'} danger={decision === 'deny'} initialValues={{ decision: 'approve' }}
      action={(body) => claimsControllerDecide({ path: { id: claim.id }, body: body.decision === 'approve' ? { decision: 'approve', note: body.note } : body })}>
      <Typography.Paragraph>核定金额 <Typography.Text strong>{yuan(claim.assessedAmount)}</Typography.Text></Typography.Paragraph>
      <Form.Item label="审批结论" name="decision">
        <Radio.Group options={[{ value: 'approve', label: '同意赔付' }, { value: 'deny', label: '拒赔' }]} />
      </Form.Item>
      {decision === 'deny' && (
        <Form.Item label="拒赔原因" name="reasonCode" rules={[{ required: true, message: '请选择拒赔原因' }]}>
          <Select loading={reasons.isLoading} options={(reasons.data ?? []).map((r) => ({ value: r.code, label: r.nameZh }))} />
        </Form.Item>
      )}
      <Form.Item label="备注" name="note">
        <Input.TextArea rows={2} />
      </Form.Item>
    </ActionForm>
  );
}

/**
 * The payment form keeps one Idempotency-Key from its first submission until
 * it succeeds: a double click or a retry after a lost answer pays once.
 */
function Pay({ claim }: { claim: ClaimResponse }) {
  const [form] = Form.useForm<{ paidAt: Dayjs; bankReference: string }>();
  const [key] = useState(newIdempotencyKey);
  return (
    <ActionForm form={form} submitText="登记支付" initialValues={{ paidAt: dayjs() }}
      action={({ paidAt, bankReference }) => claimsControllerPay({
        path: { id: claim.id }, headers: { 'Idempotency-Key': key }, body: { paidAt: paidAt.format('YYYY-MM-DDTHH:mm:ss.SSSZ'), bankReference },
      })}>
      <Typography.Paragraph>支付金额 <Typography.Text strong>{yuan(claim.approvedAmount)}</Typography.Text>（即审批金额）</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="支付时间" name="paidAt" rules={[{ required: true, message: '请选择支付时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="银行流水号" name="bankReference" rules={[{ required: true, whitespace: true, message: '请填写银行流水号' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
    </ActionForm>
  );
}

function ReturnForInformation({ claim }: { claim: ClaimResponse }) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <ActionForm form={form} submitText="退回补充材料" action={(body) => claimsControllerReturnForInformation({ path: { id: claim.id }, body })}>
      <Form.Item label="退回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写需补充的内容' }]}>
        <Input autoComplete="off" />
      </Form.Item>
    </ActionForm>
  );
}

/** The insurer's stage of a claim: quote and assessment, decision, payment; a return for information along the way. */
export function InsurerActions({ claim }: { claim: ClaimResponse }) {
  const me = useMe();
  const manager = me.role === 'insurer_manager';
  const [returning, setReturning] = useState(false);
  let main: React.ReactNode = null;
  let title = '';
  if (claim.status === 'verified') { title = '核定'; main = <Assess claim={claim} />; }
  if (claim.status === 'assessed') { title = '审批'; main = <Decide claim={claim} />; }
  if (claim.status === 'approved') {
    title = '支付';
    main = manager ? <Pay claim={claim} /> : <Alert type="info" showIcon title="已审批，待理赔主管登记支付" />;
  }
  if (!main) return null;
  const canReturn = claim.status === 'verified' || claim.status === 'assessed';
  return (
    <Card size="small" title={title} className="section" extra={canReturn && !returning ? <a onClick={() => setReturning(true)}>退回补充材料</a> : undefined}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {returning ? <ReturnForInformation claim={claim} /> : main}
      </Space>
    </Card>
  );
}
