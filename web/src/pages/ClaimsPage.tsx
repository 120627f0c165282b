import { useQuery } from '@tanstack/react-query';
import { Card, Checkbox, Col, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { claimsControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import type { ClaimsControllerListData } from '../api/types.gen.js';
import { useEventTypes } from '../app/catalog.js';
import { STATUS_TEXT, type ClaimStatus } from '../app/labels.js';
import { districtOfStreet, useStreetNames, useStreets } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { ClaimsList } from '../components/ClaimsList.js';
import { QueryError } from '../components/QueryError.js';

const PAGE_SIZE = 20;

/** The claims the caller may see, filtered by status, event, street and flags (the insurer's queue, the district's list). */
export function ClaimsPage({ title, initialStatus }: { title: string; initialStatus?: ClaimStatus }) {
  const me = useMe();
  const [status, setStatus] = useState<ClaimStatus | undefined>(initialStatus);
  const [eventType, setEventType] = useState<string>();
  const [streetCode, setStreetCode] = useState<string>();
  const [q, setQ] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [page, setPage] = useState(1);
  const eventTypes = useEventTypes();
  const districtCode = me.districtCode ?? (me.streetCode ? districtOfStreet(me.streetCode) : null);
  const streets = useStreets(me.streetCode ? null : districtCode);
  const streetName = useStreetNames(districtCode);
  const query: ClaimsControllerListData['query'] = { page, pageSize: PAGE_SIZE, status, eventType, streetCode, q: q || undefined };
  const claims = useQuery(claimsControllerListOptions({ query }));
  const items = (claims.data?.items ?? []).filter((c) => !flaggedOnly || c.flags.length > 0);
  const reset = <T,>(set: (v: T) => void) => (v: T) => { setPage(1); set(v); };

  return (
    <>
      <Typography.Title level={4} className="page-title">{title}</Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={5}>
            <Select aria-label="按状态筛选" placeholder="全部状态" allowClear style={{ width: '100%' }} value={status} onChange={reset(setStatus)}
              options={Object.entries(STATUS_TEXT).map(([value, label]) => ({ value, label }))} />
          </Col>
          <Col xs={12} md={5}>
            <Select aria-label="按事件类型筛选" placeholder="全部事件" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }}
              value={eventType} onChange={reset(setEventType)}
              options={(eventTypes.data ?? []).map((e) => ({ value: e.code, label: e.nameZh }))} />
          </Col>
          {!me.streetCode && districtCode && (
            <Col xs={12} md={4}>
              <Select aria-label="按街镇筛选" placeholder="全部街镇" allowClear style={{ width: '100%' }} value={streetCode} onChange={reset(setStreetCode)}
                disabled={!districtCode}
                options={(streets.data ?? []).map((s) => ({ value: s.code, label: s.name }))} />
            </Col>
          )}
          <Col xs={me.streetCode || !districtCode ? 24 : 12} md={6}>
            <Input.Search aria-label="搜索案件" placeholder="案件编号、姓名、地点或报警回执号" allowClear onSearch={reset(setQ)} />
          </Col>
          <Col xs={24} md={4} style={{ display: 'flex', alignItems: 'center' }}>
            <Checkbox checked={flaggedOnly} onChange={(e) => setFlaggedOnly(e.target.checked)}>只看有风险标记</Checkbox>
          </Col>
        </Row>
      </Card>
      <QueryError error={claims.error} />
      <ClaimsList
        claims={items}
        loading={claims.isLoading}
        streetName={me.streetCode ? undefined : streetName}
        empty={flaggedOnly ? '本页没有带风险标记的案件' : '没有符合条件的案件'}
        pagination={claims.data && { page, pageSize: PAGE_SIZE, total: claims.data.total, onChange: setPage }}
      />
    </>
  );
}
