import {
  ApartmentOutlined, AuditOutlined, BankOutlined, DashboardOutlined, DownloadOutlined, FileAddOutlined, HomeOutlined,
  SafetyCertificateOutlined, TagsOutlined, TeamOutlined, UnorderedListOutlined, WarningOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { UserResponse } from '../api/types.gen.js';

export interface MenuEntry { path: string; label: string; icon: ReactNode }

/** What each role finds in the menu; routes.tsx has a route for each. */
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
        { path: '/', label: '我的待办', icon: <HomeOutlined /> },
        { path: '/claims', label: '理赔队列', icon: <AuditOutlined /> },
        { path: '/overdue', label: '超时案件', icon: <WarningOutlined /> },
      ];
    case 'district_officer':
      return [
        { path: '/', label: '年度概览', icon: <DashboardOutlined /> },
        { path: '/reports', label: '报表下载', icon: <DownloadOutlined /> },
        { path: '/claims', label: '全区案件', icon: <UnorderedListOutlined /> },
        { path: '/overdue', label: '超时案件', icon: <WarningOutlined /> },
        { path: '/policies', label: '保单', icon: <SafetyCertificateOutlined /> },
        { path: '/streets', label: '街镇', icon: <ApartmentOutlined /> },
        { path: '/users', label: '用户', icon: <TeamOutlined /> },
      ];
    case 'admin':
      return [
        { path: '/', label: '区县', icon: <BankOutlined /> },
        { path: '/streets', label: '街镇', icon: <ApartmentOutlined /> },
        { path: '/insurers', label: '保险公司', icon: <SafetyCertificateOutlined /> },
        { path: '/users', label: '用户', icon: <TeamOutlined /> },
        { path: '/event-types', label: '事件类型', icon: <TagsOutlined /> },
        { path: '/policies', label: '保单', icon: <AuditOutlined /> },
        { path: '/reports', label: '报表下载', icon: <DownloadOutlined /> },
      ];
  }
}
