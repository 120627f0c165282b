import { Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ClaimListItemResponse } from '../api/types.gen.js';
import { yuan } from '../app/money.js';
import { FlagTags, StatusTag } from './ClaimTags.js';

interface Props {
  claims: ClaimListItemResponse[];
  loading: boolean;
  streetName?: (code: string) => string;
  pagination?: { page: number; pageSize: number; total: number; onChange(page: number): void };
  empty?: string;
}

/** Claims as cards on a phone, as a table on a desktop; each opens the claim page. */
export function ClaimsList({ claims, loading, streetName, pagination, empty = '暂无案件' }: Props) {
  const phone = !Grid.useBreakpoint().md;
  const antPagination = pagination && {
    current: pagination.page, pageSize: pagination.pageSize, total: pagination.total,
    onChange: pagination.onChange, showSizeChanger: false, showTotal: (total: number) => `共 ${total} 件`,
  };
  if (phone) {
    return (
      <List
        loading={loading}
        dataSource={claims}
        locale={{ emptyText: <Empty description={empty} /> }}
        pagination={antPagination}
        renderItem={(c) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Link to={`/claims/${c.id}`} style={{ width: '100%' }} aria-label={`案件 ${c.claimNo}`}>
              <Card size="small" hoverable>
                <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                  <Typography.Text strong>{c.eventTypeNameZh}</Typography.Text>
                  <StatusTag status={c.status} />
                </Space>
                <div className="claim-card-line">{c.resident.name} · {yuan(c.claimedAmount)}</div>
                <div className="claim-card-line muted">{c.claimNo} · 事发 {c.incidentDate}</div>
                {c.flags.length > 0 && <div style={{ marginTop: 4 }}><FlagTags flags={c.flags} /></div>}
              </Card>
            </Link>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table<ClaimListItemResponse>
      rowKey="id"
      loading={loading}
      dataSource={claims}
      pagination={antPagination ?? false}
      locale={{ emptyText: <Empty description={empty} /> }}
      size="middle"
      columns={[
        { title: '案件编号', dataIndex: 'claimNo', render: (no: string, c) => <Link to={`/claims/${c.id}`}>{no}</Link> },
        { title: '事件', dataIndex: 'eventTypeNameZh' },
        { title: '被保险人', render: (_, c) => c.resident.name },
        ...(streetName ? [{ title: '街镇', render: (_: unknown, c: ClaimListItemResponse) => streetName(c.streetCode) }] : []),
        { title: '事发日期', dataIndex: 'incidentDate' },
        { title: '申请金额', align: 'right', render: (_, c) => yuan(c.claimedAmount) },
        { title: '审批金额', align: 'right', render: (_, c) => yuan(c.approvedAmount) },
        { title: '状态', render: (_, c) => <StatusTag status={c.status} /> },
        { title: '风险标记', render: (_, c) => <FlagTags flags={c.flags} /> },
      ]}
    />
  );
}
