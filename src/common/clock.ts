import { Injectable } from '@nestjs/common';
import { shanghaiDate } from './timestamp.js';

/** The one source of "now" for deadlines, so tests can fix it instead of sleeping. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** Today's business date in Asia/Shanghai. */
  today(): string {
    return shanghaiDate(this.now());
  }
}
