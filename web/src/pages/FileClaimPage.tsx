import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Divider, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { policiesControllerListOptions, residentsControllerGetOptions } from '../api/@tanstack/react-query.gen.js';
import { claimsControllerFile } from '../api/sdk.gen.js';
import type { CreateClaimDto } from '../api/types.gen.js';
import { errorText, showFieldErrors } from '../app/errors.js';
import { DOCUMENT_TEXT } from '../app/labels.js';
import { yuanRule } from '../app/money.js';
import { districtOfStreet } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { QueryError } from '../components/QueryError.js';
import { ResidentCard } from './ResidentsPage.js';

type ClaimForm = Omit<CreateClaimDto, 'residentId' | 'incidentDate'> & { incidentDate: Dayjs };

/**
 * Files a claim for a resident of the cadre's street: the events the district's
 * active policy covers on the incident date, by Chinese name; the documents
 * that event needs; the police report number only where the event needs one.
 */
export function FileClaimPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const residentId = params.get('residentId');
  const [form] = Form.useForm<ClaimForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const incidentDate = Form.useWatch('incidentDate', form) ?? dayjs();
  const eventType = Form.useWatch('eventType', form);
  const resident = useQuery({ ...residentsControllerGetOptions({ path: { id: residentId ?? '' } }), enabled: residentId !== null });
  const districtCode = me.streetCode ? districtOfStreet(me.streetCode) : '';
  const policies = useQuery(policiesControllerListOptions({ query: { districtCode, status: 'active' } }));
  const day = incidentDate.format('YYYY-MM-DD');
  const policy = policies.data?.items.find((p) => p.periodStart <= day && day <= p.periodEnd);
  const coverage = policy?.coverages.find((c) => c.eventType === eventType);
  const needsPoliceReport = coverage?.requiredDocuments.includes('police_report') ?? false;
  const residentName = resident.data?.name;
  useEffect(() => {
    if (residentName && !form.getFieldValue(['payee', 'accountName'])) form.setFieldValue(['payee', 'accountName'], residentName);
  }, [form, residentName]);

  if (!residentId) {
    return (
      <Alert type="info" showIcon title="请先查找或登记被保险居民" action={<Button onClick={() => navigate('/residents')}>查找居民</Button>} />
    );
  }

  const submit = async ({ incidentDate: date, policeReportNo, ...values }: ClaimForm) => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await claimsControllerFile({
      body: { ...values, residentId, incidentDate: date.format('YYYY-MM-DD'), ...(needsPoliceReport ? { policeReportNo } : {}) },
    });
    setBusy(false);
    if (data) {
      navigate(`/claims/${data.id}`, { state: { filed: true } });
      return;
    }
    if (!showFieldErrors(form, failure)) setError(errorText(failure));
  };

  return (
    <>
      <Typography.Title level={4} className="page-title">报案</Typography.Title>
      <QueryError error={resident.error ?? policies.error} />
      {resident.data && <ResidentCard resident={resident.data} />}
      <Card size="small">
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ incidentDate: dayjs() }}>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="事发日期" name="incidentDate" rules={[{ required: true, message: '请选择事发日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="事件类型" name="eventType" rules={[{ required: true, message: '请选择事件类型' }]}
                extra={policies.isSuccess && !policy ? '该日期没有生效的保单' : policy ? `${policy.policyNo} · ${policy.insurerName}` : undefined}>
                <Select showSearch={{ optionFilterProp: 'label' }} placeholder="按事件名称选择" loading={policies.isLoading}
                  options={(policy?.coverages ?? []).map((c) => ({ value: c.eventType, label: c.nameZh }))} />
              </Form.Item>
            </Col>
          </Row>
          {coverage && (
            <Alert type="info" style={{ marginBottom: 16 }} title="该事件需要的材料（报案后上传）"
              description={<Space size={[4, 4]} wrap>{coverage.requiredDocuments.map((d) => <Tag key={d}>{DOCUMENT_TEXT[d] ?? d}</Tag>)}</Space>} />
          )}
          {needsPoliceReport && (
            <Form.Item label="报警回执号" name="policeReportNo" rules={[{ required: true, whitespace: true, message: '该事件须填写报警回执号' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item label="事发地点" name="incidentPlace" rules={[{ required: true, whitespace: true, message: '请填写事发地点' }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item label="经过" name="description" rules={[{ required: true, whitespace: true, message: '请简述事发经过' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label="申请金额" name="claimedAmount" rules={[{ required: true, message: '请填写申请金额' }, yuanRule]}>
            <Input inputMode="decimal" prefix="¥" suffix="元" autoComplete="off" />
          </Form.Item>
          <Divider titlePlacement="start" plain>收款账户</Divider>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="户名" name={['payee', 'accountName']} rules={[{ required: true, whitespace: true, message: '请填写户名' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="开户行" name={['payee', 'bankName']} rules={[{ required: true, whitespace: true, message: '请填写开户行' }]}>
                <Input autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="银行账号" name={['payee', 'accountNo']} rules={[{ required: true, pattern: /^\d{8,30}$/, message: '请填写 8 到 30 位数字' }]}>
                <Input inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
          <Button type="primary" htmlType="submit" loading={busy} block size="large">提交报案</Button>
        </Form>
      </Card>
    </>
  );
}
