import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, Form, Input, Row, Select, Switch, Table, Tag, Typography } from 'antd';
import { usersControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import { usersControllerCreate, usersControllerUpdate } from '../api/sdk.gen.js';
import type { CreateUserDto, UserResponse } from '../api/types.gen.js';
import { errorText } from '../app/errors.js';
import { ROLE_TEXT } from '../app/labels.js';
import { yuan, yuanRule } from '../app/money.js';
import { useDistricts, useInsurers, useStreetNames, useStreets } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { CreateForm } from '../components/CreateForm.js';
import { QueryError } from '../components/QueryError.js';

/** The users the caller manages: the district's for an officer (who may add its cadres), everyone for an admin. */
export function UsersPage() {
  const me = useMe();
  const admin = me.role === 'admin';
  const users = useQuery(usersControllerListOptions({ query: { pageSize: 200 } }));
  const [form] = Form.useForm<CreateUserDto>();
  const role = Form.useWatch('role', form);
  const districtCode = Form.useWatch('districtCode', form) ?? me.districtCode;
  const districts = useDistricts();
  const streets = useStreets(districtCode);
  const insurers = useInsurers();
  const streetName = useStreetNames(me.districtCode);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const roles = admin ? Object.keys(ROLE_TEXT) as UserResponse['role'][] : ['street_cadre' as const];

  const setActive = async (user: UserResponse, active: boolean) => {
    const { error } = await usersControllerUpdate({ path: { id: user.id }, body: { active } });
    if (error) message.error(errorText(error));
    await queryClient.invalidateQueries({ queryKey: usersControllerListOptions({ query: { pageSize: 200 } }).queryKey });
  };

  return (
    <>
      <Typography.Title level={4} className="page-title">用户</Typography.Title>
      <CreateForm title={admin ? '新建用户' : '新建街镇综治干部'} form={form} refresh={['usersControllerList']}
        initialValues={{ role: 'street_cadre', districtCode: me.districtCode ?? undefined }}
        create={(body) => usersControllerCreate({ body })}>
        <Row gutter={16}>
          <Col xs={24} md={8}><Form.Item label="用户名" name="username" rules={[{ required: true, message: '请填写用户名' }]}><Input autoComplete="off" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}><Input autoComplete="off" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="初始密码（至少 12 位）" name="password" rules={[{ required: true, min: 12, message: '至少 12 位' }]}><Input.Password autoComplete="new-password" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item label="角色" name="role"><Select options={roles.map((r) => ({ value: r, label: ROLE_TEXT[r] }))} /></Form.Item></Col>
          {(role === 'street_cadre' || role === 'district_officer') && admin && (
            <Col xs={24} md={8}><Form.Item label="区县" name="districtCode" rules={[{ required: true, message: '请选择区县' }]}>
              <Select options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} /></Form.Item></Col>
          )}
          {role === 'street_cadre' && (
            <Col xs={24} md={8}><Form.Item label="街镇" name="streetCode" rules={[{ required: true, message: '请选择街镇' }]}>
              <Select options={(streets.data ?? []).map((s) => ({ value: s.code, label: s.name }))} /></Form.Item></Col>
          )}
          {(role === 'insurer_adjuster' || role === 'insurer_manager') && (
            <>
              <Col xs={24} md={8}><Form.Item label="保险公司" name="insurerId" rules={[{ required: true, message: '请选择保险公司' }]}>
                <Select options={(insurers.data ?? []).map((i) => ({ value: i.id, label: i.name }))} /></Form.Item></Col>
              <Col xs={24} md={8}><Form.Item label="审批权限（元）" name="approvalLimit" rules={[{ required: true, message: '请填写审批权限' }, yuanRule]}><Input inputMode="decimal" /></Form.Item></Col>
            </>
          )}
        </Row>
      </CreateForm>
      <QueryError error={users.error} />
      <Table<UserResponse> rowKey="id" size="small" loading={users.isLoading} dataSource={users.data?.items} scroll={{ x: true }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', render: (_, u) => <Tag>{ROLE_TEXT[u.role]}</Tag> },
          { title: '范围', render: (_, u) => (u.streetCode ? streetName(u.streetCode) : u.districtCode ?? (u.insurerId ? '保险公司' : '全部')) },
          { title: '审批权限', align: 'right', render: (_, u) => (u.approvalLimit ? yuan(u.approvalLimit) : '—') },
          { title: '启用', render: (_, u) => <Switch size="small" checked={u.active} disabled={u.id === me.id} aria-label={`启用 ${u.username}`} onChange={(v) => setActive(u, v)} /> },
        ]} />
    </>
  );
}
