import { Button, Col, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { catalogControllerCreate, catalogControllerUpdate } from '../api/sdk.gen.js';
import type { CreateEventTypeDto, EventTypeResponse, UpdateEventTypeDto } from '../api/types.gen.js';
import { useEventTypes } from '../app/catalog.js';
import { CATEGORY_TEXT, DOCUMENT_TEXT } from '../app/labels.js';
import { yuan, yuanRule } from '../app/money.js';
import { CreateForm } from '../components/CreateForm.js';
import { QueryError } from '../components/QueryError.js';

/** The fields of a new event type and of an edit; the code names the type and is set once. */
function EventTypeFields({ withCode }: { withCode: boolean }) {
  return (
    <Row gutter={16}>
      {withCode && <Col xs={24} md={8}><Form.Item label="代码（小写字母与下划线）" name="code" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: '如 traffic_accident' }]}><Input /></Form.Item></Col>}
      <Col xs={24} md={8}><Form.Item label="中文名称" name="nameZh" rules={[{ required: true, whitespace: true, message: '请填写中文名称' }]}><Input /></Form.Item></Col>
      <Col xs={24} md={8}><Form.Item label="英文名称" name="nameEn" rules={[{ required: true, whitespace: true, message: '请填写英文名称' }]}><Input /></Form.Item></Col>
      <Col xs={24} md={8}><Form.Item label="类别" name="category"><Select options={Object.entries(CATEGORY_TEXT).map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
      <Col xs={24} md={16}><Form.Item label="所需材料（含报警回执即须填写报警回执号）" name="requiredDocuments" rules={[{ required: true, type: 'array', min: 1, message: '至少一种材料' }]}>
        <Select mode="multiple" options={Object.entries(DOCUMENT_TEXT).filter(([code]) => code !== 'other').map(([value, label]) => ({ value, label }))} /></Form.Item></Col>
      <Col xs={12} md={6}><Form.Item label="每次事故限额（元）" name={['defaults', 'perClaimLimit']} rules={[{ required: true, message: '必填' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
      <Col xs={12} md={6}><Form.Item label="免赔额（元）" name={['defaults', 'deductible']} rules={[{ required: true, message: '必填' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
      <Col xs={12} md={6}><Form.Item label="赔付比例（万分比）" name={['defaults', 'payoutRatioBp']} rules={[{ required: true }]}><InputNumber min={1} max={10000} style={{ width: '100%' }} /></Form.Item></Col>
      <Col xs={12} md={6}><Form.Item label="报案时限（天）" name={['defaults', 'reportWindowDays']} rules={[{ required: true }]}><InputNumber min={1} max={3650} style={{ width: '100%' }} /></Form.Item></Col>
    </Row>
  );
}

/** Changes one event type; coverages already on policies keep the defaults they copied. */
function EditEventType({ eventType, onClose }: { eventType: EventTypeResponse; onClose(): void }) {
  const [form] = Form.useForm<UpdateEventTypeDto>();
  const { code, ...editable } = eventType;
  return (
    <CreateForm title={`编辑事件类型：${eventType.nameZh}`} form={form} refresh={['catalogControllerList']} startOpen onClose={onClose}
      create={(body) => catalogControllerUpdate({ path: { code }, body })} initialValues={editable}>
      <Typography.Paragraph type="secondary">修改只影响此后新建的保单；已有保单的保障条款保持不变。</Typography.Paragraph>
      <EventTypeFields withCode={false} />
    </CreateForm>
  );
}

/** The event catalogue: an admin adds event types and edits them (codes stay, as claims and policies refer to them). */
export function EventTypesPage() {
  const eventTypes = useEventTypes();
  const [form] = Form.useForm<CreateEventTypeDto>();
  const [editing, setEditing] = useState<EventTypeResponse | null>(null);
  return (
    <>
      <Typography.Title level={4} className="page-title">事件类型</Typography.Title>
      <CreateForm title="新增事件类型" form={form} refresh={['catalogControllerList']} create={(body) => catalogControllerCreate({ body })}
        initialValues={{ category: 'property', requiredDocuments: ['id_card', 'bank_card'], defaults: { payoutRatioBp: 10000, reportWindowDays: 30, deductible: '0.00' } as CreateEventTypeDto['defaults'] }}>
        <EventTypeFields withCode />
      </CreateForm>
      {editing && <EditEventType key={editing.code} eventType={editing} onClose={() => setEditing(null)} />}
      <QueryError error={eventTypes.error} />
      <Table<EventTypeResponse> rowKey="code" size="small" loading={eventTypes.isLoading} dataSource={eventTypes.data} scroll={{ x: true }} pagination={false}
        columns={[
          { title: '名称', dataIndex: 'nameZh' },
          { title: '类别', render: (_, e) => CATEGORY_TEXT[e.category] },
          { title: '每次事故限额', align: 'right', render: (_, e) => yuan(e.defaults.perClaimLimit) },
          { title: '免赔额', align: 'right', render: (_, e) => yuan(e.defaults.deductible), responsive: ['md'] },
          { title: '赔付比例', align: 'right', render: (_, e) => `${e.defaults.payoutRatioBp / 100}%`, responsive: ['md'] },
          { title: '所需材料', render: (_, e) => e.requiredDocuments.map((d) => <Tag key={d}>{DOCUMENT_TEXT[d] ?? d}</Tag>), responsive: ['lg'] },
          { title: '操作', render: (_, e) => <Button size="small" aria-label={`编辑 ${e.nameZh}`} onClick={() => setEditing(e)}>编辑</Button> },
        ]} />
    </>
  );
}
