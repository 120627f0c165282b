import { useQuery } from '@tanstack/react-query';
import { Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { insurersControllerListOptions, regionsControllerListDistrictsOptions, regionsControllerListStreetsOptions } from '../api/@tanstack/react-query.gen.js';
import { insurersControllerCreate, regionsControllerCreateDistrict, regionsControllerCreateStreet } from '../api/sdk.gen.js';
import type { CreateDistrictDto, CreateInsurerDto, CreateStreetDto } from '../api/types.gen.js';
import { useDistricts } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { CreateForm } from '../components/CreateForm.js';
import { QueryError } from '../components/QueryError.js';

const CODE_COLUMN = { title: '代码', dataIndex: 'code', width: 140 };
const NAME_COLUMN = { title: '名称', dataIndex: 'name' };

export function DistrictsPage() {
  const districts = useQuery(regionsControllerListDistrictsOptions());
  const [form] = Form.useForm<CreateDistrictDto>();
  return (
    <>
      <Typography.Title level={4} className="page-title">区县</Typography.Title>
      <CreateForm title="新建区县" form={form} create={(body) => regionsControllerCreateDistrict({ body })} refresh={['regionsControllerListDistricts']}>
        <Form.Item label="区县代码（GB/T 2260，6 位）" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请填写 6 位数字代码' }]}><Input /></Form.Item>
        <Form.Item label="区县名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}><Input /></Form.Item>
      </CreateForm>
      <QueryError error={districts.error} />
      <Table rowKey="code" size="small" loading={districts.isLoading} dataSource={districts.data} columns={[CODE_COLUMN, NAME_COLUMN]} pagination={false} />
    </>
  );
}

/** The streets of the officer's district (an admin picks the district). */
export function StreetsPage() {
  const me = useMe();
  const districts = useDistricts();
  const [picked, setPicked] = useState<string>();
  const districtCode = me.districtCode ?? picked ?? districts.data?.[0]?.code;
  const streets = useQuery({ ...regionsControllerListStreetsOptions({ path: { code: districtCode ?? '' } }), enabled: Boolean(districtCode) });
  const [form] = Form.useForm<CreateStreetDto>();
  return (
    <>
      <Typography.Title level={4} className="page-title">街镇</Typography.Title>
      {!me.districtCode && (
        <Select aria-label="区县" value={districtCode} onChange={setPicked} style={{ width: 200, marginBottom: 12, display: 'block' }}
          options={(districts.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
      )}
      <CreateForm title="新建街镇" form={form} create={(body) => regionsControllerCreateStreet({ path: { code: districtCode! }, body })} refresh={['regionsControllerListStreets']}>
        <Form.Item label="街镇代码（9 位）" name="code" rules={[{ required: true, pattern: /^\d{9}$/, message: '请填写 9 位数字代码' }]}><Input /></Form.Item>
        <Form.Item label="街镇名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}><Input /></Form.Item>
      </CreateForm>
      <QueryError error={streets.error} />
      <Table rowKey="code" size="small" loading={streets.isLoading} dataSource={streets.data} columns={[CODE_COLUMN, NAME_COLUMN]} pagination={false} />
    </>
  );
}

export function InsurersPage() {
  const insurers = useQuery(insurersControllerListOptions());
  const [form] = Form.useForm<CreateInsurerDto>();
  return (
    <>
      <Typography.Title level={4} className="page-title">保险公司</Typography.Title>
      <CreateForm title="新建保险公司" form={form} create={(body) => insurersControllerCreate({ body })} refresh={['insurersControllerList']}>
        <Form.Item label="全称" name="name" rules={[{ required: true, whitespace: true, message: '请填写全称' }]}><Input /></Form.Item>
        <Form.Item label="简称" name="shortName"><Input /></Form.Item>
      </CreateForm>
      <QueryError error={insurers.error} />
      <Table rowKey="id" size="small" loading={insurers.isLoading} dataSource={insurers.data} pagination={false}
        columns={[{ title: '全称', dataIndex: 'name' }, { title: '简称', dataIndex: 'shortName' }]} />
    </>
  );
}
