import { App, Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { residentsControllerRegister } from '../api/sdk.gen.js';
import type { CreateResidentDto, ResidentResponse } from '../api/types.gen.js';
import { errorText, showFieldErrors } from '../app/errors.js';
import { idNumberProblem, normaliseIdNumber } from '../app/id-number.js';
import { COVER_BASIS_TEXT } from '../app/labels.js';

interface Props {
  streetCode: string;
  idNumber?: string;
  onRegistered(resident: ResidentResponse): void;
  /** A 409: the ID number is already registered; the existing resident's id. */
  onExisting(residentId: string): void;
}

/** Registers a resident of the cadre's street; the ID number is checked as it is typed. */
export function ResidentForm({ streetCode, idNumber, onRegistered, onExisting }: Props) {
  const [form] = Form.useForm<Omit<CreateResidentDto, 'streetCode'>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const submit = async (values: Omit<CreateResidentDto, 'streetCode'>) => {
    setBusy(true);
    setError(null);
    const { data, error: failure } = await residentsControllerRegister({
      body: { ...values, idNumber: normaliseIdNumber(values.idNumber), streetCode },
    });
    setBusy(false);
    if (data) {
      message.success(`已登记居民 ${data.name}`);
      onRegistered(data);
      return;
    }
    const existing = (failure as { code?: string; details?: { residentId?: string }[] } | undefined);
    if (existing?.code === 'CONFLICT' && existing.details?.[0]?.residentId) {
      onExisting(existing.details[0].residentId);
      return;
    }
    if (!showFieldErrors(form, failure)) setError(errorText(failure));
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ idNumber, coverBasis: 'registered' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="身份证号码" name="idNumber" validateFirst hasFeedback
            rules={[{ validator: (_, v: string) => { const p = idNumberProblem(v); return p ? Promise.reject(new Error(p)) : Promise.resolve(); } }]}>
            <Input maxLength={18} autoComplete="off" inputMode="text" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="手机号码" name="phone" rules={[{ required: true, pattern: /^1\d{10}$/, message: '请输入 11 位手机号码' }]}>
            <Input inputMode="tel" maxLength={11} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="参保身份" name="coverBasis" rules={[{ required: true }]}>
            <Select options={Object.entries(COVER_BASIS_TEXT).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label="住址" name="address" rules={[{ required: true, whitespace: true, message: '请输入住址' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>登记居民</Button>
    </Form>
  );
}
