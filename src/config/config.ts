import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min, Matches, MinLength, ValidateBy, validateSync,
} from 'class-validator';
import { isIP } from 'node:net';

/** Marked dev defaults: accepted outside production only. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789';
export const DEV_FIELD_ENCRYPTION_KEY = 'dev-only-field-encryption-key-change-me';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) =>
  value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;

/** What Express's `trust proxy` setting is given. */
export type TrustProxy = false | number | string[];

const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const TRUST_PROXY_MESSAGE = 'TRUST_PROXY must be false, a hop count (1-10), or a comma-separated list of addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal';

function toTrustProxy({ value }: { value: unknown }): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim();
  if (text === 'false' || text === 'off') return false;
  if (/^\d+$/.test(text)) return Number(text);
  return text.split(',').map((part) => part.trim());
}

function isTrustProxy(value: unknown): boolean {
  if (value === false) return true;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 10;
  return Array.isArray(value) && value.length > 0 && value.every((part) => typeof part === 'string' && isProxyAddress(part));
}

function isProxyAddress(part: string): boolean {
  if (TRUST_PROXY_NAMES.includes(part)) return true;
  const [address, prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** Every environment variable the app reads, validated once at start-up. */
export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  /**
   * Processes serving the port: one per core on a server of its own (Node
   * runs JavaScript on one core per process). They share nothing but the
   * database, as separate instances behind a load balancer do.
   */
  @Transform(toInt) @IsInt() @Min(1) @Max(64)
  APP_WORKERS = 1;

  /** PostgreSQL URL; when absent an embedded server is started under DATA_DIR. */
  @IsOptional() @IsString()
  DATABASE_URL?: string;

  @IsString()
  DATA_DIR = '.data';

  @Transform(toInt) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET = DEV_JWT_SECRET;

  @Transform(toInt) @IsInt() @Min(60) @Max(86400)
  JWT_TTL_SECONDS = 8 * 3600;

  @IsString() @MinLength(32, { message: 'FIELD_ENCRYPTION_KEY must be at least 32 characters' })
  FIELD_ENCRYPTION_KEY = DEV_FIELD_ENCRYPTION_KEY;

  @IsString()
  FIELD_ENCRYPTION_KEY_ID = 'k1';

  /** Earlier keys still needed to decrypt old rows: "k0=secret0,k00=secret00". */
  @IsOptional() @IsString()
  FIELD_ENCRYPTION_PREVIOUS_KEYS?: string;

  @IsString()
  DOCUMENT_STORAGE_DIR = '.data/documents';

  @Transform(toInt) @IsInt() @Min(1024)
  UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

  /** Ledger (台账) upload cap; 100,000 claim rows take about 5 MB of xlsx. */
  @Transform(toInt) @IsInt() @Min(1024)
  LEDGER_MAX_BYTES = 50 * 1024 * 1024;

  @IsOptional() @IsString()
  BOOTSTRAP_ADMIN_USERNAME?: string;

  @IsOptional() @IsString() @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** Defaults to true outside production; refused in production (the demo logins have published passwords). */
  @Transform(toBool) @IsBoolean()
  SEED_DEMO_DATA = true;

  /** Failed logins per minute per account, from all addresses together. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Failed logins per minute per client address, for all usernames together. */
  @Transform(toInt) @IsInt() @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 50;

  /**
   * Which proxies' X-Forwarded-For to believe for the client address (the
   * rate limits count by it): `false` (default: none, the socket's address),
   * a hop count, or a comma-separated list of addresses, subnets and the
   * names loopback, linklocal, uniquelocal. `true` (believe anyone) is
   * refused: a client could then choose its own address.
   */
  @Transform(toTrustProxy) @ValidateBy({ name: 'trustProxy', validator: { validate: isTrustProxy, defaultMessage: () => TRUST_PROXY_MESSAGE } })
  TRUST_PROXY: TrustProxy = false;

  @Transform(toInt) @IsInt() @Min(1)
  WRITE_RATE_LIMIT = 300;

  /** Residents' claim lookups (POST /public/claim-status) per address and minute. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_LOOKUP_RATE_LIMIT = 20;

  /** Lookups of one claim number per hour, from any address. */
  @Transform(toInt) @IsInt() @Min(1)
  PUBLIC_LOOKUP_CLAIM_LIMIT = 10;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** The built web console (vite's output), served at `/`; relative to the working directory. */
  @IsString()
  CONSOLE_DIR = 'dist/web';

  /** Where messages to residents go: the log (development) or the SMS provider below. */
  @IsIn(['log', 'sms'])
  NOTIFY_CHANNEL: 'log' | 'sms' = 'log';

  /** The SMS gateway (NOTIFY_CHANNEL=sms): POST {to, text} with an Idempotency-Key header. */
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_PROVIDER_URL?: string;

  /** The gateway's account key, sent as a bearer token; no default. */
  @IsOptional() @IsString() @MinLength(16, { message: 'SMS_PROVIDER_KEY must be at least 16 characters' })
  SMS_PROVIDER_KEY?: string;

  /** Whether this instance delivers the outbox (tests and extra API instances may turn it off). */
  @Transform(toBool) @IsBoolean()
  NOTIFY_WORKER = true;

  /** Retries of a failed delivery, after exponential backoff from NOTIFY_RETRY_DELAY_SECONDS. */
  @Transform(toInt) @IsInt() @Min(0) @Max(20)
  NOTIFY_RETRY_LIMIT = 8;

  @Transform(toInt) @IsInt() @Min(0) @Max(3600)
  NOTIFY_RETRY_DELAY_SECONDS = 30;

  /** A delivery not finished after this long (its worker died) is handed to another worker. */
  @Transform(toInt) @IsInt() @Min(1) @Max(3600)
  NOTIFY_EXPIRE_SECONDS = 60;

  @Transform(toInt) @IsInt() @Min(1) @Max(600)
  NOTIFY_POLL_SECONDS = 2;

  /** When the worker sweeps the deadlines for staff reminders (cron, Asia/Shanghai); it also sweeps at start. */
  @IsString() @Matches(/^\S+( \S+){4}$/, { message: 'REMINDER_CRON must be a five-field cron expression' })
  REMINDER_CRON = '*/15 * * * *';

  /** Comma-separated allowed origins; CORS stays off when empty. */
  @IsOptional() @IsString()
  CORS_ORIGINS?: string;
}

export class ConfigValidationError extends Error {}

/** Validates raw environment values; throws one error that lists every problem. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const known = Object.keys(new AppConfig()).concat(['DATABASE_URL', 'BOOTSTRAP_ADMIN_USERNAME',
    'BOOTSTRAP_ADMIN_PASSWORD', 'FIELD_ENCRYPTION_PREVIOUS_KEYS', 'CORS_ORIGINS', 'SMS_PROVIDER_URL', 'SMS_PROVIDER_KEY']);
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const problems = validateSync(config).map(
    (e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`,
  );
  if (config.NODE_ENV === 'production') {
    if (!relevant.JWT_SECRET || config.JWT_SECRET === DEV_JWT_SECRET) {
      problems.push('JWT_SECRET: must be set in production (the dev default is refused)');
    }
    if (!relevant.FIELD_ENCRYPTION_KEY || config.FIELD_ENCRYPTION_KEY === DEV_FIELD_ENCRYPTION_KEY) {
      problems.push('FIELD_ENCRYPTION_KEY: must be set in production (the dev default is refused)');
    }
    if (relevant.SEED_DEMO_DATA === undefined) {
      config.SEED_DEMO_DATA = false;
    } else if (config.SEED_DEMO_DATA === true) {
      problems.push('SEED_DEMO_DATA: demo data is refused in production (its logins have published passwords)');
    }
  }
  if (config.NOTIFY_CHANNEL === 'sms' && (!config.SMS_PROVIDER_URL || !config.SMS_PROVIDER_KEY)) {
    problems.push('SMS_PROVIDER_URL and SMS_PROVIDER_KEY: both must be set when NOTIFY_CHANNEL=sms');
  }
  if (Boolean(config.BOOTSTRAP_ADMIN_USERNAME) !== Boolean(config.BOOTSTRAP_ADMIN_PASSWORD)) {
    problems.push('BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (problems.length > 0) {
    throw new ConfigValidationError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
