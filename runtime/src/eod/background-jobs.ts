// The service's background jobs of issue 7, each on only when configured: the nightly end of day
// (PLAZO_EOD_AT) and the notification dispatcher (PLAZO_NOTIFY_WEBHOOK_URL or PLAZO_NOTIFY_FILE).
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.ts';
import type { RuntimeConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { fileAdapter, startDispatcher, webhookAdapter } from '../notifications/dispatcher.ts';
import { startEodSchedule } from './eod-scheduler.ts';

export function startBackgroundJobs(db: Kysely<Database>, config: RuntimeConfig, clock: Clock, logger: Logger): { stop(): Promise<void> } {
  const stops: (() => Promise<void>)[] = [];
  if (config.eodAt) {
    const schedule = startEodSchedule({ db, clock, at: config.eodAt, timeZone: config.timeZone, logger });
    stops.push(() => schedule.stop());
    logger.info('end of day scheduled', { at: config.eodAt, timeZone: config.timeZone });
  }
  const n = config.notifications;
  if (n?.webhookUrl || n?.file) {
    const adapter = n.webhookUrl ? webhookAdapter({ url: n.webhookUrl, secret: n.webhookSecret! }) : fileAdapter(n.file!);
    const dispatcher = startDispatcher(db, { adapter, now: () => clock.now(), onError: (e) => logger.warn('notification dispatch failed', { error: e.message }) });
    stops.push(() => dispatcher.stop());
    logger.info('notifications dispatching', { adapter: adapter.name });
  }
  return { stop: async () => void (await Promise.all(stops.map((s) => s()))) };
}
