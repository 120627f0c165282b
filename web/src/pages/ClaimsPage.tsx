import { useQuery } from '@tanstack/react-query';
import { Card, Col, Input, Row, Select, Switch, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { claimsControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import type { ClaimsControllerListData } from '../api/types.gen.js';
import { useEventTypes } from '../app/catalog.js';
import { FLAG_TEXT, STATUS_TEXT, type ClaimStatus } from '../app/labels.js';
import { streetNameIn, useVisibleStreets } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { ClaimsList } from '../components/ClaimsList.js';
import { QueryError } from '../components/QueryError.js';

const PAGE_SIZE = 20;
type ListQuery = NonNullable<ClaimsControllerListData['query']>;
type FlagCode = NonNullable<ListQuery['flags']>[number];
/** The flags a claim can carry (DUE_SOON is a task flag, not a claim's). */
const CLAIM_FLAGS = Object.keys(FLAG_TEXT).filter((f) => f !== 'DUE_SOON') as FlagCode[];

/**
 * The claims the caller may see, filtered on the server by statuses, flags,
 * overdue, event, street and text, paged there too (the insurer's queue, the
 * district's list). The filters live in the URL: a link or a reload keeps them.
 */
export function ClaimsPage({ title }: { title: string }) {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const list = (name: string) => params.get(name)?.split(',').filter(Boolean) ?? [];
  const status = list('status') as ClaimStatus[];
  const flags = list('flags') as FlagCode[];
  const eventType = params.get('eventType') ?? undefined;
  const streetCode = params.get('streetCode') ?? undefined;
  const q = params.get('q') ?? '';
  const overdue = params.get('overdue') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  /** Sets one filter (empty removes it) and goes back to the first page. */
  const set = (name: string) => (value: string | string[] | boolean | undefined) => {
    const next = new URLSearchParams(params);
    const text = Array.isArray(value) ? value.join(',') : value === true ? 'true' : value || '';
    if (text) next.set(name, text); else next.delete(name);
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };

  const eventTypes = useEventTypes();
  const streets = useVisibleStreets(me);
  const streetName = streetNameIn(streets);
  const severalDistricts = new Set(streets.map((s) => s.districtName)).size > 1;
  const query: ListQuery = {
    page, pageSize: PAGE_SIZE, eventType, streetCode, q: q || undefined,
    status: status.length ? status : undefined, flags: flags.length ? flags : undefined, overdue: overdue || undefined,
  };
  const claims = useQuery(claimsControllerListOptions({ query }));

  return (
    <>
      <Typography.Title level={4} className="page-title">{title}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={6}>
            <Select mode="multiple" aria-label="按状态筛选" placeholder="全部状态" allowClear showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" style={{ width: '100%' }}
              value={status} onChange={set('status')}
              options={Object.entries(STATUS_TEXT).map(([value, label]) => ({ value, label }))} />
          </Col>
          <Col xs={24} md={6}>
            <Select mode="multiple" aria-label="按风险标记筛选" placeholder="风险标记（任一）" allowClear showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" style={{ width: '100%' }}
              value={flags} onChange={set('flags')}
              options={CLAIM_FLAGS.map((f) => ({ value: f, label: FLAG_TEXT[f].name }))} />
          </Col>
          <Col xs={12} md={4}>
            <Select aria-label="按事件类型筛选" placeholder="全部事件" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }}
              value={eventType} onChange={set('eventType')}
              options={(eventTypes.data ?? []).map((e) => ({ value: e.code, label: e.nameZh }))} />
          </Col>
          {!me.streetCode && streets.length > 0 && (
            <Col xs={12} md={4}>
              <Select aria-label="按街镇筛选" placeholder="全部街镇" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }}
                value={streetCode} onChange={set('streetCode')}
                options={streets.map((s) => ({ value: s.code, label: severalDistricts ? `${s.districtName} ${s.name}` : s.name }))} />
            </Col>
          )}
          <Col xs={24} md={4} style={{ display: 'flex', alignItems: 'center' }}>
            <Space>
              <Switch id="overdue-only" aria-label="只看已超时" size="small" checked={overdue} onChange={set('overdue')} />
              <label htmlFor="overdue-only">只看已超时</label>
            </Space>
          </Col>
          <Col xs={24} md={12}>
            <Input.Search key={q} aria-label="搜索案件" placeholder="案件编号、姓名、地点或报警回执号" allowClear defaultValue={q} onSearch={set('q')} />
          </Col>
        </Row>
      </Card>
      <QueryError error={claims.error} />
      <ClaimsList
        claims={claims.data?.items ?? []}
        loading={claims.isLoading}
        streetName={me.streetCode ? undefined : streetName}
        empty="没有符合条件的案件"
        pagination={claims.data && { page, pageSize: PAGE_SIZE, total: claims.data.total, onChange: (p) => set('page')(String(p)) }}
      />
    </>
  );
}
