import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Grid, List, Popover, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { remindersControllerInboxOptions, remindersControllerInboxQueryKey, remindersControllerMarkReadMutation } from '../api/@tanstack/react-query.gen.js';

const PAGE = { query: { page: 1, pageSize: 20 } };
const REFRESH_MS = 60_000;

/** The header's bell: the caller's unread deadline reminders (GET /me/notifications); a click opens the claim and marks it read. */
export function ReminderBell() {
  const inbox = useQuery({ ...remindersControllerInboxOptions(PAGE), refetchInterval: REFRESH_MS });
  const client = useQueryClient();
  const navigate = useNavigate();
  const markRead = useMutation({
    ...remindersControllerMarkReadMutation(),
    onSuccess: () => client.invalidateQueries({ queryKey: remindersControllerInboxQueryKey(PAGE) }),
  });
  const phone = !Grid.useBreakpoint().md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const unread = inbox.data?.unread ?? 0;
  const list = (
    <List
      size="small"
      style={phone ? undefined : { width: 340, maxHeight: 420, overflowY: 'auto' }}
      locale={{ emptyText: '暂无时效提醒' }}
      dataSource={inbox.data?.items ?? []}
      renderItem={(item) => (
        <List.Item
          style={{ cursor: 'pointer', opacity: item.read ? 0.6 : 1 }}
          onClick={() => {
            if (!item.read) markRead.mutate({ path: { id: item.id } });
            setDrawerOpen(false);
            navigate(`/claims/${item.claimId}`);
          }}
        >
          <List.Item.Meta
            title={<>{item.kind === 'overdue' ? <Tag color="red">已逾期</Tag> : <Tag color="orange">即将到期</Tag>}{item.claimNo}</>}
            description={<Typography.Text type="secondary">{item.text}</Typography.Text>}
          />
        </List.Item>
      )}
    />
  );
  // The badge outside the button: the icon keeps the header's colour, as the logout button's does.
  const bell = (
    <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]}>
      <Button
        type="text" className="header-button" icon={<BellOutlined />} aria-label={`时效提醒，${unread} 条未读`} data-testid="reminder-bell"
        onClick={phone ? () => setDrawerOpen(true) : undefined}
      />
    </Badge>
  );
  // A phone's header is too narrow for a popover beside the bell: the list slides in over the page.
  if (phone) {
    return (
      <>
        {bell}
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="right" size={320} title="时效提醒" styles={{ body: { padding: 0 } }}>
          {list}
        </Drawer>
      </>
    );
  }
  return <Popover content={list} title="时效提醒" trigger="click" placement="bottomRight">{bell}</Popover>;
}
