import { Global, Module } from '@nestjs/common';
import { Clock } from './clock.js';

/** Global: deadlines, task queues and notices all read the one Clock. */
@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
