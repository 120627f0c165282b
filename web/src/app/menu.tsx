import { AuditOutlined, FileAddOutlined, HomeOutlined, UnorderedListOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { UserResponse } from '../api/types.gen.js';

export interface MenuEntry { path: string; label: string; icon: ReactNode }

/** What each role finds in the menu; the routes in routes.tsx follow the same lists. */
export function menuFor(role: UserResponse['role']): MenuEntry[] {
  switch (role) {
    case 'street_cadre':
      return [
        { path: '/', label: '我的待办', icon: <HomeOutlined /> },
        { path: '/residents', label: '报案 · 居民查找', icon: <FileAddOutlined /> },
        { path: '/claims', label: '本街道案件', icon: <UnorderedListOutlined /> },
      ];
    case 'insurer_adjuster':
    case 'insurer_manager':
      return [
        { path: '/', label: '理赔队列', icon: <AuditOutlined /> },
      ];
    case 'district_officer':
      return [
        { path: '/', label: '全区案件', icon: <UnorderedListOutlined /> },
      ];
    case 'admin':
      return [
        { path: '/', label: '全部案件', icon: <UnorderedListOutlined /> },
      ];
  }
}
