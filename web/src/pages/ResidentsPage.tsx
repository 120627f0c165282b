import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { residentsControllerGetOptions, residentsControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import type { ResidentResponse } from '../api/types.gen.js';
import { idNumberProblem, normaliseIdNumber } from '../app/id-number.js';
import { COVER_BASIS_TEXT } from '../app/labels.js';
import { useMe } from '../app/session.js';
import { QueryError } from '../components/QueryError.js';
import { ResidentForm } from '../components/ResidentForm.js';

export function ResidentCard({ resident, onFile }: { resident: ResidentResponse; onFile?: () => void }) {
  return (
    <Card size="small" title={resident.name} extra={onFile && <Button type="primary" onClick={onFile}>为其报案</Button>} style={{ marginBottom: 12 }}>
      <Descriptions column={1} size="small" items={[
        { key: 'id', label: '身份证号码', children: resident.idNumberMasked },
        { key: 'phone', label: '手机号码', children: resident.phoneMasked },
        { key: 'basis', label: '参保身份', children: COVER_BASIS_TEXT[resident.coverBasis] },
        { key: 'address', label: '住址', children: resident.address },
      ]} />
    </Card>
  );
}

/**
 * Find a resident by ID number (exact) or by name; register one who is not
 * there yet. An ID number already registered brings up that resident instead.
 */
export function ResidentsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [existingId, setExistingId] = useState<string | null>(null);
  const id = normaliseIdNumber(idNumber);
  const idValid = id.length === 18 && idNumberProblem(id) === null;
  const byId = useQuery({ ...residentsControllerListOptions({ query: { idNumber: id } }), enabled: idValid });
  const byName = useQuery({ ...residentsControllerListOptions({ query: { name, streetCode: me.streetCode ?? undefined } }), enabled: name.length > 0 });
  const existing = useQuery({ ...residentsControllerGetOptions({ path: { id: existingId ?? '' } }), enabled: existingId !== null });
  const fileFor = (resident: ResidentResponse) => navigate(`/claims/new?residentId=${resident.id}`);
  const found = byId.data?.items ?? [];

  return (
    <>
      <Typography.Title level={4} className="page-title">报案 · 居民查找</Typography.Title>
      <Typography.Paragraph type="secondary">先按身份证号码找到被保险居民，没有登记的当场登记，再为其报案。</Typography.Paragraph>
      <Card size="small" title="按身份证号码查找" style={{ marginBottom: 12 }}>
        <Form layout="vertical">
          <Form.Item label="身份证号码" validateStatus={idNumber && !idValid ? (id.length === 18 ? 'error' : 'validating') : undefined}
            help={idNumber ? (idNumberProblem(id) ?? '号码校验通过') : '输入 18 位号码，系统逐位校验'} htmlFor="lookup-id">
            <Input id="lookup-id" maxLength={18} value={idNumber} onChange={(e) => { setExistingId(null); setIdNumber(e.target.value); }} allowClear autoComplete="off" />
          </Form.Item>
        </Form>
        <QueryError error={byId.error} />
        {idValid && byId.isSuccess && found.map((r) => (
          <div key={r.id}>
            <Alert type="info" showIcon title="该身份证号码已登记，请直接为其报案" style={{ marginBottom: 8 }} />
            <ResidentCard resident={r} onFile={() => fileFor(r)} />
          </div>
        ))}
        {idValid && byId.isSuccess && found.length === 0 && me.streetCode && !existing.data && (
          <>
            <Alert type="warning" showIcon title="未找到该居民，请登记" style={{ marginBottom: 12 }} />
            <ResidentForm key={id} streetCode={me.streetCode} idNumber={id} onRegistered={fileFor} onExisting={setExistingId} />
          </>
        )}
        {existing.data && (
          <>
            <Alert type="info" showIcon title="该身份证号码已登记，请直接为其报案" style={{ marginBottom: 8 }} />
            <ResidentCard resident={existing.data} onFile={() => fileFor(existing.data)} />
          </>
        )}
      </Card>
      <Card size="small" title="按姓名查找（本街道）">
        <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
          <Input.Search aria-label="居民姓名" placeholder="居民姓名" allowClear onSearch={setName} enterButton="查找" />
        </Space.Compact>
        <QueryError error={byName.error} />
        {name && byName.data?.items.length === 0 && <Empty description="没有同名居民" />}
        {byName.data?.items.map((r) => <ResidentCard key={r.id} resident={r} onFile={() => fileFor(r)} />)}
      </Card>
    </>
  );
}
