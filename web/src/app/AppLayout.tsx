import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ReminderBell } from '../components/ReminderBell.js';
import { ROLE_TEXT } from './labels.js';
import { menuFor } from './menu.js';
import { useScopeText } from './scope.js';
import { useMe, useSession } from './session.js';

/** Header with who is signed in, their scope and logout; the menu at the side on desktops, in a drawer on phones. */
export function AppLayout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { logout } = useSession();
  const scope = useScopeText(me);
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();
  const entries = menuFor(me.role);
  const selected = entries.filter((e) => e.path === '/' ? location.pathname === '/' : location.pathname.startsWith(e.path))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path ?? '/';
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      items={entries.map((e) => ({ key: e.path, icon: e.icon, label: e.label }))}
      onClick={({ key }) => { setDrawerOpen(false); navigate(key); }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header className="app-header">
        <Space size={phone ? 8 : 16} align="center" style={{ minWidth: 0 }}>
          {phone && <Button type="text" aria-label="打开菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} className="header-button" />}
          <Typography.Text strong className="app-title">{phone ? '综治保险' : '社会治安综合保险 · 理赔系统'}</Typography.Text>
        </Space>
        <Space size={phone ? 4 : 12} align="center" className="whoami" data-testid="whoami">
          <span className="whoami-text">
            <span className="whoami-name">{me.displayName}</span>
            {!phone && <Tag color="blue" style={{ marginInlineStart: 8 }}>{ROLE_TEXT[me.role]}</Tag>}
            <span className="whoami-scope">{phone ? ROLE_TEXT[me.role] + ' · ' : ''}{scope}</span>
          </span>
          <ReminderBell />
          <Button type="text" icon={<LogoutOutlined />} onClick={() => { logout(); navigate('/login'); }} className="header-button">
            {phone ? '' : '退出'}
            {phone && <span className="visually-hidden">退出登录</span>}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {!phone && <Layout.Sider width={200} theme="light" className="app-sider">{menu}</Layout.Sider>}
        <Layout.Content className={phone ? 'app-content phone' : 'app-content'}>{children}</Layout.Content>
      </Layout>
      {phone && (
        <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} placement="left" size={260} title="菜单" styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      )}
    </Layout>
  );
}
