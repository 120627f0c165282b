import { Result, Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import type { UserResponse } from '../api/types.gen.js';
import { CadreHome, InsurerHome } from '../pages/CadreHome.js';
import { ClaimPage } from '../pages/ClaimPage.js';
import { FileClaimPage } from '../pages/FileClaimPage.js';
import { ResidentsPage } from '../pages/ResidentsPage.js';
import { ClaimsPage } from '../pages/ClaimsPage.js';
import { DashboardPage } from '../pages/DashboardPage.js';
import { EventTypesPage } from '../pages/EventTypesPage.js';
import { LoginPage } from '../pages/LoginPage.js';
import { OverduePage } from '../pages/OverduePage.js';
import { PoliciesPage } from '../pages/PoliciesPage.js';
import { DistrictsPage, InsurersPage, StreetsPage } from '../pages/ReferencePages.js';
import { ReportsPage } from '../pages/ReportsPage.js';
import { UsersPage } from '../pages/UsersPage.js';
import { AppLayout } from './AppLayout.js';
import { useSession } from './session.js';

function roleRoutes(role: UserResponse['role']) {
  switch (role) {
    case 'street_cadre':
      return (
        <>
          <Route path="/" element={<CadreHome />} />
          <Route path="/claims" element={<ClaimsPage title="本街道案件" />} />
          <Route path="/claims/new" element={<FileClaimPage />} />
          <Route path="/residents" element={<ResidentsPage />} />
        </>
      );
    case 'insurer_adjuster':
    case 'insurer_manager':
      return (
        <>
          <Route path="/" element={<InsurerHome />} />
          <Route path="/claims" element={<ClaimsPage title="理赔队列" />} />
          <Route path="/overdue" element={<OverduePage />} />
        </>
      );
    case 'district_officer':
      return (
        <>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/reports" element={<ReportsPage />} />
          <Route path="/claims" element={<ClaimsPage title="全区案件" />} />
          <Route path="/overdue" element={<OverduePage />} />
          <Route path="/policies" element={<PoliciesPage />} />
          <Route path="/streets" element={<StreetsPage />} />
          <Route path="/users" element={<UsersPage />} />
        </>
      );
    case 'admin':
      return (
        <>
          <Route path="/" element={<DistrictsPage />} />
          <Route path="/streets" element={<StreetsPage />} />
          <Route path="/insurers" element={<InsurersPage />} />
          <Route path="/users" element={<UsersPage />} />
          <Route path="/event-types" element={<EventTypesPage />} />
          <Route path="/policies" element={<PoliciesPage />} />
          <Route path="/reports" element={<ReportsPage />} />
        </>
      );
  }
}

export function AppRoutes() {
  const { me } = useSession();
  if (me === undefined) return <div className="center-screen"><Spin size="large" description="正在加载…" /></div>;
  if (me === null) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );
  }
  return (
    <AppLayout>
      <Routes>
        {roleRoutes(me.role)}
        <Route path="/claims/:id" element={<ClaimPage />} />
        <Route path="/login" element={<Navigate to="/" replace />} />
        <Route path="*" element={<Result status="404" title="未找到" subTitle="没有这个页面" />} />
      </Routes>
    </AppLayout>
  );
}
