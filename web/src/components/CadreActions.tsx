import { Alert, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { claimsControllerRecordVerification, claimsControllerResubmit, claimsControllerStartVerification, claimsControllerWithdraw } from '../api/sdk.gen.js';
import type { ClaimResponse, RecordVerificationDto } from '../api/types.gen.js';
import { useClaimChanged } from '../app/claim-updates.js';
import { errorText } from '../app/errors.js';
import { fen, yuanRule } from '../app/money.js';
import { useMe } from '../app/session.js';
import { ActionForm } from './ActionForm.js';

type VerificationForm = Omit<RecordVerificationDto, 'visitedAt'> & { visitedAt: Dayjs };

function VerificationRecord({ claim }: { claim: ClaimResponse }) {
  const [form] = Form.useForm<VerificationForm>();
  const loss = Form.useWatch('verifiedLoss', form);
  const lossAbove = typeof loss === 'string' && yuanRule.pattern.test(loss) && fen(loss) > fen(claim.claimedAmount);
  return (
    <ActionForm<VerificationForm>
      form={form}
      submitText="提交核查结果"
      initialValues={{ visitedAt: dayjs(), recommendation: 'pay', participants: [] }}
      action={({ visitedAt, ...values }) => claimsControllerRecordVerification({
        path: { id: claim.id },
        body: { ...values, visitedAt: visitedAt.format(), ...(lossAbove ? {} : { lossAboveClaimReason: undefined }) },
      })}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="核查时间" name="visitedAt" rules={[{ required: true, message: '请选择核查时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly allowClear={false}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="核查损失" name="verifiedLoss" rules={[{ required: true, message: '请填写核查损失' }, yuanRule]}>
            <Input inputMode="decimal" prefix="¥" suffix="元" autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="在场人员（含保险公司人员）" name="participants" rules={[{ required: true, type: 'array', min: 1, message: '请填写在场人员' }]}
        extra="输入姓名后按回车，可填多人">
        <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item label="核查情况" name="findings" rules={[{ required: true, whitespace: true, message: '请填写核查情况' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      {lossAbove && (
        <Form.Item label="核查损失高于申请金额的原因" name="lossAboveClaimReason" rules={[{ required: true, whitespace: true, message: '请说明原因' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item label="核查意见" name="recommendation" rules={[{ required: true }]}>
        <Radio.Group options={[{ value: 'pay', label: '建议赔付' }, { value: 'deny', label: '建议拒赔' }]} />
      </Form.Item>
    </ActionForm>
  );
}

function Withdraw({ claim }: { claim: ClaimResponse }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  if (!open) return <Button danger onClick={() => setOpen(true)}>撤回报案</Button>;
  return (
    <ActionForm form={form} danger submitText="确认撤回" action={(body) => claimsControllerWithdraw({ path: { id: claim.id }, body })}>
      <Form.Item label="撤回原因" name="reason" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }]}>
        <Input autoComplete="off" />
      </Form.Item>
    </ActionForm>
  );
}

/** What a street cadre can do with a claim of their street in its current state. */
export function CadreActions({ claim }: { claim: ClaimResponse }) {
  const me = useMe();
  const changed = useClaimChanged();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const filer = claim.reportedBy === me.id;
  const run = async (call: () => Promise<{ data?: ClaimResponse; error?: unknown }>) => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await call();
    setBusy(false);
    if (data) changed(data); else setError(errorText(failure));
  };

  const parts: React.ReactNode[] = [];
  if (claim.status === 'reported' && !filer) {
    parts.push(<Button key="start" type="primary" loading={busy} onClick={() => run(() => claimsControllerStartVerification({ path: { id: claim.id } }))}>开始现场核查</Button>);
  }
  if (claim.status === 'reported' && filer) {
    parts.push(<Alert key="wait" type="info" showIcon title="等待本街道另一位干部进行现场核查" />);
  }
  if (claim.status === 'verifying' && !filer) parts.push(<VerificationRecord key="verify" claim={claim} />);
  if (claim.status === 'verifying' && filer) parts.push(<Alert key="wait" type="info" showIcon title="核查中：须由报案人以外的干部记录核查结果" />);
  if (claim.status === 'needs_info') {
    parts.push(<Button key="resubmit" type="primary" loading={busy} onClick={() => run(() => claimsControllerResubmit({ path: { id: claim.id } }))}>材料已补充，重新提交</Button>);
  }
  if (claim.status === 'reported' || claim.status === 'verifying') parts.push(<Withdraw key="withdraw" claim={claim} />);
  if (parts.length === 0) return null;
  return (
    <Card size="small" title="办理" className="section">
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>{parts}</Space>
    </Card>
  );
}
