import { InitialSchema1764180000000 } from './1764180000000-initial-schema.js';
import { ReportIndexes1764200000000 } from './1764200000000-report-indexes.js';
import { LoginRateLimit1764300000000 } from './1764300000000-login-rate-limit.js';
import { MoneySense1765200000000 } from './1765200000000-money-sense.js';
import { DocumentNames1765200100000 } from './1765200100000-document-names.js';
import { LedgerImports1765700000000 } from './1765700000000-ledger-imports.js';
import { WorkingDayCalendar1765800000000 } from './1765800000000-working-day-calendar.js';
import { ClaimDeadlines1765800000001 } from './1765800000001-claim-deadlines.js';
import { DenialReasons1766000000000 } from './1766000000000-denial-reasons.js';
import { AuditChainsPerDistrict1766000000001 } from './1766000000001-audit-chains-per-district.js';
import { DistrictCodeOnClaimRows1766000000002 } from './1766000000002-district-code-on-claim-rows.js';
import { UsernameNormalForm1766100000000 } from './1766100000000-username-normal-form.js';
import { NotificationOutbox1766200000000 } from './1766200000000-notification-outbox.js';
import { StaffReminders1766300000000 } from './1766300000000-staff-reminders.js';
import { ChangeFeed1766400000000 } from './1766400000000-change-feed.js';
import { ClaimListOrder1766500000000 } from './1766500000000-claim-list-order.js';
import { DropDuplicateDeadlineIndex1766500000001 } from './1766500000001-drop-duplicate-deadline-index.js';

/** Every migration, oldest first. Listed explicitly so the app, the CLI and jest load the same set. */
export const migrations = [
  InitialSchema1764180000000, ReportIndexes1764200000000, LoginRateLimit1764300000000, MoneySense1765200000000,
  DocumentNames1765200100000, LedgerImports1765700000000, WorkingDayCalendar1765800000000, ClaimDeadlines1765800000001,
  DenialReasons1766000000000, AuditChainsPerDistrict1766000000001, DistrictCodeOnClaimRows1766000000002,
  UsernameNormalForm1766100000000,
  NotificationOutbox1766200000000, StaffReminders1766300000000, ChangeFeed1766400000000, ClaimListOrder1766500000000,
  DropDuplicateDeadlineIndex1766500000001,
];
