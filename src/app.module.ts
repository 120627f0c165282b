import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { RateLimitGuard } from './auth/rate-limit.guard.js';
import { DeadlinesModule } from './deadlines/deadlines.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { ClaimLifecycleModule } from './claim-lifecycle/claim-lifecycle.module.js';
import { ClaimsModule } from './claims/claims.module.js';
import { ConsoleModule } from './console/console.module.js';
import { ClockModule } from './common/clock.module.js';
import { ErrorFilter } from './common/error.filter.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { InsurersModule } from './insurers/insurers.module.js';
import { LedgersModule } from './ledgers/ledgers.module.js';
import { PayoutsModule } from './payouts/payouts.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PoliciesModule } from './policies/policies.module.js';
import { PublicStatusModule } from './public-status/public-status.module.js';
import { RegionsModule } from './regions/regions.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { ResidentsModule } from './residents/residents.module.js';
import { RemindersModule } from './reminders/reminders.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { UsersModule } from './users/users.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { SeedService } from '../seeds/seed.service.js';

@Module({
  imports: [
    ConfigModule,
    ClockModule,
    DatabaseModule,
    AuditModule,
    AuthModule,
    UsersModule,
    RegionsModule,
    InsurersModule,
    CatalogModule,
    DeadlinesModule,
    NotificationsModule,
    HealthModule,
    PoliciesModule,
    ResidentsModule,
    ClaimsModule,
    VerificationModule,
    PayoutsModule,
    ReportsModule,
    ClaimLifecycleModule,
    LedgersModule,
    PublicStatusModule,
    TasksModule,
    RemindersModule,
    // Last: its catch-all route answers what no module above does.
    ConsoleModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: ErrorFilter },
    { provide: APP_GUARD, useClass: RateLimitGuard },
    SeedService,
  ],
})
export class AppModule {}
