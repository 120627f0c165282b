import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { policiesControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import { policiesControllerActivate, policiesControllerCreate } from '../api/sdk.gen.js';
import type { CreatePolicyDto, PolicyResponse } from '../api/types.gen.js';
import { useEventTypes } from '../app/catalog.js';
import { errorText } from '../app/errors.js';
import { POLICY_STATUS_TEXT } from '../app/labels.js';
import { yuan, yuanRule } from '../app/money.js';
import { useDistricts, useInsurers } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { CreateForm } from '../components/CreateForm.js';
import { QueryError } from '../components/QueryError.js';

type DraftForm = Omit<CreatePolicyDto, 'coverages'> & { eventTypes: string[] };

/** The district's policies: a new year's draft with coverages from the catalogue's defaults, and its activation. */
export function PoliciesPage() {
  const me = useMe();
  const districts = useDistricts();
  const insurers = useInsurers();
  const eventTypes = useEventTypes();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const listOptions = policiesControllerListOptions({ query: { districtCode: me.districtCode ?? undefined, pageSize: 100 } });
  const policies = useQuery(listOptions);
  const [form] = Form.useForm<DraftForm>();
  const chosen = Form.useWatch('eventTypes', form) ?? [];
  const nextYear = new Date().getFullYear() + 1;

  const activate = (policy: PolicyResponse) => modal.confirm({
    title: `生效保单 ${policy.policyNo}？`,
    content: '生效后承保范围与限额不能再修改。',
    okText: '生效', cancelText: '取消',
    onOk: async () => {
      const { error } = await policiesControllerActivate({ path: { id: policy.id } });
      if (error) message.error(errorText(error)); else message.success('保单已生效');
      await queryClient.invalidateQueries({ queryKey: listOptions.queryKey });
    },
  });

  return (
    <>
      <Typography.Title level={4} className="page-title">保单</Typography.Title>
      <CreateForm title="新建保单草稿" form={form} refresh={['policiesControllerList']}
        initialValues={{ districtCode: me.districtCode ?? undefined, year: nextYear, periodStart: `${nextYear}-01-01`, periodEnd: `${nextYear}-12-31`,
          eventTypes: (eventTypes.data ?? []).map((e) => e.code) }}
        create={({ eventTypes: codes, ...values }) => policiesControllerCreate({ body: { ...values, coverages: codes.map((eventType) => ({ eventType })) } })}>
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item label="保单号" name="policyNo" rules={[{ required: true, message: '请填写保单号' }]}><Input autoComplete="off" /></Form.Item></Col>
          {!me.districtCode && (
            <Col xs={24} md={8}><Form.Item label="区县" name="districtCode" rules={[{ required: true, message: '请选择区县' }]}>
              <Select options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} /></Form.Item></Col>
          )}
          <Col xs={24} md={8}><Form.Item label="保险公司" name="insurerId" rules={[{ required: true, message: '请选择保险公司' }]}>
            <Select options={(insurers.data ?? []).map((i) => ({ value: i.id, label: i.name }))} /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item label="起期" name="periodStart" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '年-月-日' }]}><Input /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item label="止期" name="periodEnd" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '年-月-日' }]}><Input /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item label="保费（元）" name="premium" rules={[{ required: true, message: '请填写保费' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item label="年度累计赔偿限额（元）" name="aggregateLimit" rules={[{ required: true, message: '请填写限额' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
          <Col xs={12} md={8}><Form.Item label="双人复核门槛（元）" name="fourEyesThreshold" rules={[{ required: true, message: '请填写门槛' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
        </Row>
        <Form.Item label="承保事件（限额、免赔额等取事件目录的默认值）" name="eventTypes" rules={[{ required: true, type: 'array', min: 1, message: '至少承保一种事件' }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={(eventTypes.data ?? []).map((e) => ({ value: e.code, label: e.nameZh }))} />
        </Form.Item>
        {chosen.length > 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`将承保 ${chosen.length} 种事件`} />}
      </CreateForm>
      <QueryError error={policies.error} />
      <Table<PolicyResponse> rowKey="id" size="small" loading={policies.isLoading} dataSource={policies.data?.items} scroll={{ x: true }} pagination={false}
        columns={[
          { title: '年度', dataIndex: 'year', defaultSortOrder: 'descend', sorter: (a, b) => a.year - b.year },
          { title: '保单号', dataIndex: 'policyNo', responsive: ['md'] },
          { title: '保险公司', dataIndex: 'insurerName', responsive: ['md'] },
          { title: '状态', render: (_, p) => <Tag color={p.status === 'active' ? 'green' : p.status === 'draft' ? 'gold' : 'default'}>{POLICY_STATUS_TEXT[p.status]}</Tag> },
          { title: '承保事件', render: (_, p) => `${p.coverages.length} 种`, responsive: ['md'] },
          { title: '保费', align: 'right', render: (_, p) => yuan(p.premium), responsive: ['md'] },
          { title: '累计限额已用', align: 'right', render: (_, p) => `${yuan(p.aggregateUsed)} / ${yuan(p.aggregateLimit)}` },
          { title: '', render: (_, p) => p.status === 'draft' && <Button size="small" type="primary" onClick={() => activate(p)}>生效</Button> },
        ]} />
    </>
  );
}
