import { FileAddOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { tasksControllerMineOptions } from '../api/@tanstack/react-query.gen.js';
import { FLAG_TEXT, TASK_TEXT } from '../app/labels.js';
import { QueryError } from '../components/QueryError.js';

/** The cadre's home: their tasks, and filing a new claim one tap away. */
export function CadreHome() {
  return (
    <TasksHome
      intro="待您核查的同事报案、退回待补充材料的案件，最紧急的在前"
      action={<Link to="/residents"><Button type="primary" icon={<FileAddOutlined />}>报案</Button></Link>}
    />
  );
}

/** The adjuster's or manager's home: what waits for their assessment, decision or payment; the full queue one click away. */
export function InsurerHome() {
  return (
    <TasksHome
      intro="待您定损、审批或支付的案件，已超时和即将到期的在前"
      action={<Link to="/claims"><Button icon={<UnorderedListOutlined />}>全部理赔队列</Button></Link>}
    />
  );
}

/** The caller's work queue (GET /me/tasks), most urgent first. */
function TasksHome({ intro, action }: { intro: string; action: ReactNode }) {
  const tasks = useQuery(tasksControllerMineOptions());
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Typography.Title level={4} className="page-title" style={{ margin: 0 }}>我的待办</Typography.Title>
        {action}
      </Space>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <QueryError error={tasks.error} />
      <List
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        locale={{ emptyText: <Empty description="暂无待办" /> }}
        renderItem={(task) => (
          <List.Item style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Link to={`/claims/${task.claimId}`} style={{ width: '100%' }} aria-label={`案件 ${task.claimNo}`}>
              <Card size="small" hoverable>
                <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                  <Typography.Text strong>{TASK_TEXT[task.action] ?? task.action}</Typography.Text>
                  {task.overdue ? <Tag color="red">已超时</Tag> : task.dueDate ? <Tag color="gold">{task.dueDate} 前</Tag>
                    : task.action === 'resubmit' ? <Tag>补充材料期间暂停计时</Tag> : null}
                </Space>
                <div className="claim-card-line muted">{task.claimNo}</div>
                {task.flags.length > 0 && (
                  <div style={{ marginTop: 4 }}>{task.flags.map((f) => <Tag key={f} color={f === 'DUE_SOON' ? 'orange' : 'red'}>{FLAG_TEXT[f]?.name ?? f}</Tag>)}</div>
                )}
              </Card>
            </Link>
          </List.Item>
        )}
      />
    </>
  );
}
