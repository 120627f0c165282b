import { useQueries } from '@tanstack/react-query';
import { FileAddOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { claimsControllerListOptions } from '../api/@tanstack/react-query.gen.js';
import type { ClaimStatus } from '../app/labels.js';
import { ClaimsList } from '../components/ClaimsList.js';
import { QueryError } from '../components/QueryError.js';

/** The street's claims that wait for a cadre: to verify, being verified, or returned for information. */
const WAITING: ClaimStatus[] = ['needs_info', 'reported', 'verifying'];

export function CadreHome() {
  const lists = useQueries({
    queries: WAITING.map((status) => claimsControllerListOptions({ query: { status, pageSize: 100 } })),
  });
  const claims = lists.flatMap((l) => l.data?.items ?? []);
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>我的待办</Typography.Title>
        <Link to="/residents"><Button type="primary" icon={<FileAddOutlined />}>报案</Button></Link>
      </Space>
      <Typography.Paragraph type="secondary">本街道待核查、核查中和待补充材料的案件</Typography.Paragraph>
      {lists.map((l, i) => <QueryError key={i} error={l.error} />)}
      <ClaimsList claims={claims} loading={lists.some((l) => l.isLoading)} empty="暂无待办" />
    </>
  );
}
