import { useQuery } from '@tanstack/react-query';
import { Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { deadlinesControllerOverdueOptions } from '../api/@tanstack/react-query.gen.js';
import type { DeadlinesControllerOverdueData, OverdueClaimResponse } from '../api/types.gen.js';
import { STAGE_TEXT } from '../app/labels.js';
import { streetNameIn, useVisibleStreets } from '../app/scope.js';
import { useMe } from '../app/session.js';
import { StatusTag } from '../components/ClaimTags.js';
import { QueryError } from '../components/QueryError.js';

type Stage = NonNullable<NonNullable<DeadlinesControllerOverdueData['query']>['stage']>;

/** Claims past a stage's deadline, most overdue first. */
export function OverduePage() {
  const me = useMe();
  const [stage, setStage] = useState<Stage>();
  const [page, setPage] = useState(1);
  const overdue = useQuery(deadlinesControllerOverdueOptions({ query: { stage, page, pageSize: 20 } }));
  const streets = useVisibleStreets(me);
  const streetName = streetNameIn(streets);
  return (
    <>
      <Typography.Title level={4} className="page-title">超时案件</Typography.Title>
      <Select aria-label="按办理环节筛选" placeholder="全部环节" allowClear value={stage} onChange={(v) => { setPage(1); setStage(v); }}
        style={{ width: 180, marginBottom: 12 }} options={Object.entries(STAGE_TEXT).map(([value, label]) => ({ value, label }))} />
      <QueryError error={overdue.error} />
      <Table<OverdueClaimResponse> rowKey="id" size="small" loading={overdue.isLoading} dataSource={overdue.data?.items} scroll={{ x: true }}
        locale={{ emptyText: '没有超时案件' }}
        pagination={overdue.data && { current: page, pageSize: 20, total: overdue.data.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
        columns={[
          { title: '案件编号', render: (_, o) => <Link to={`/claims/${o.id}`}>{o.claimNo}</Link> },
          { title: '状态', render: (_, o) => <StatusTag status={o.status} /> },
          { title: '环节', render: (_, o) => STAGE_TEXT[o.stage] ?? o.stage },
          { title: '时限', dataIndex: 'dueDate' },
          { title: '超时', render: (_, o) => <Tag color="red">{o.daysOverdue} 天</Tag> },
          { title: '街镇', render: (_, o) => streetName(o.streetCode) },
        ]} />
    </>
  );
}
