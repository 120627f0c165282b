import { Global, Module } from '@nestjs/common';
import { RESIDENT_NOTIFIER } from '../claims/resident-notifier.js';
import { CryptoModule } from '../common/crypto.module.js';
import { AppConfig } from '../config/config.js';
import { HttpSmsChannel, LogChannel, NOTIFICATION_CHANNEL } from './notification-channel.js';
import { NotificationQueue } from './notification-queue.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsService } from './notifications.service.js';

/**
 * The outbox of messages to residents and its delivery worker. Global: the
 * claim workflow reaches it as RESIDENT_NOTIFIER (declared in claims/), so
 * claims/ does not import this module.
 */
@Global()
@Module({
  imports: [CryptoModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository, NotificationQueue, NotificationsService,
    { provide: RESIDENT_NOTIFIER, useExisting: NotificationsService },
    {
      provide: NOTIFICATION_CHANNEL,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.NOTIFY_CHANNEL === 'sms'
        ? new HttpSmsChannel(config.SMS_PROVIDER_URL!, config.SMS_PROVIDER_KEY!)
        : new LogChannel()),
    },
  ],
  exports: [RESIDENT_NOTIFIER, NotificationQueue],
})
export class NotificationsModule {}
