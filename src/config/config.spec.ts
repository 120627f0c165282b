import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, DEV_FIELD_ENCRYPTION_KEY, DEV_JWT_SECRET, validateConfig } from './config.js';

const secret = (c: string) => c.repeat(40);

describe('validateConfig', () => {
  it('gives development defaults for an empty environment', () => {
    const config = validateConfig({});
    expect(config.NODE_ENV).toBe('development');
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBe(DEV_JWT_SECRET);
    expect(config.UPLOAD_MAX_BYTES).toBe(10 * 1024 * 1024);
    expect(config.SEED_DEMO_DATA).toBe(true);
  });

  it('converts numbers and booleans from their string form', () => {
    const config = validateConfig({ PORT: '8080', SEED_DEMO_DATA: 'false', UPLOAD_MAX_BYTES: '2048' });
    expect(config.PORT).toBe(8080);
    expect(config.SEED_DEMO_DATA).toBe(false);
    expect(config.UPLOAD_MAX_BYTES).toBe(2048);
  });

  it('sends notices to the log unless an SMS gateway is configured, and then needs its URL and key', () => {
    expect(validateConfig({}).NOTIFY_CHANNEL).toBe('log');
    expect(() => validateConfig({ NOTIFY_CHANNEL: 'sms' })).toThrow(/SMS_PROVIDER_URL and SMS_PROVIDER_KEY/);
    expect(() => validateConfig({ NOTIFY_CHANNEL: 'sms', SMS_PROVIDER_URL: 'https://sms.example.com/send', SMS_PROVIDER_KEY: 'short' }))
      .toThrow(/SMS_PROVIDER_KEY must be at least 16 characters/);
    expect(() => validateConfig({ NOTIFY_CHANNEL: 'pigeon' })).toThrow(/NOTIFY_CHANNEL/);
    const sms = validateConfig({ NOTIFY_CHANNEL: 'sms', SMS_PROVIDER_URL: 'https://sms.example.com/send', SMS_PROVIDER_KEY: secret('k'), NOTIFY_WORKER: 'false' });
    expect([sms.NOTIFY_CHANNEL, sms.SMS_PROVIDER_URL, sms.NOTIFY_WORKER]).toEqual(['sms', 'https://sms.example.com/send', false]);
  });

  it('sweeps for staff reminders every 15 minutes unless REMINDER_CRON says otherwise, and refuses what is not a five-field cron', () => {
    expect(validateConfig({}).REMINDER_CRON).toBe('*/15 * * * *');
    expect(validateConfig({ REMINDER_CRON: '0 8 * * 1-5' }).REMINDER_CRON).toBe('0 8 * * 1-5');
    expect(() => validateConfig({ REMINDER_CRON: 'every hour' })).toThrow(/REMINDER_CRON must be a five-field cron expression/);
  });

  it('treats empty strings as unset', () => {
    expect(validateConfig({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['JWT_SECRET', 'short'],
    ['UPLOAD_MAX_BYTES', '12.5'],
    ['SEED_DEMO_DATA', 'maybe'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', '0'],
    ['TRUST_PROXY', 'everyone'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', 'loopback,,10.0.0.1'],
    ['LOGIN_ADDRESS_RATE_LIMIT', '0'],
  ])('rejects %s=%s and names the variable', (name, value) => {
    expect(() => validateConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('lists every problem in one error', () => {
    try {
      validateConfig({ PORT: 'x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      expect((error as Error).message).toMatch(/PORT:[\s\S]*LOG_LEVEL:/);
    }
  });

  it('refuses to start in production without real secrets', () => {
    expect(() => validateConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: must be set in production[\s\S]*FIELD_ENCRYPTION_KEY: must be set/);
  });

  it('refuses the marked dev defaults in production even when given explicitly', () => {
    expect(() => validateConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET, FIELD_ENCRYPTION_KEY: DEV_FIELD_ENCRYPTION_KEY }))
      .toThrow(/dev default is refused/);
  });

  it('accepts production with its own secrets, and loads no demo data there', () => {
    const config = validateConfig({ NODE_ENV: 'production', JWT_SECRET: secret('j'), FIELD_ENCRYPTION_KEY: secret('f') });
    expect(config.JWT_SECRET).toBe(secret('j'));
    expect(config.SEED_DEMO_DATA).toBe(false);
  });

  it('refuses demo data in production, whose logins have published passwords', () => {
    expect(() => validateConfig({ NODE_ENV: 'production', JWT_SECRET: secret('j'), FIELD_ENCRYPTION_KEY: secret('f'), SEED_DEMO_DATA: 'true' }))
      .toThrow(/SEED_DEMO_DATA: demo data is refused in production/);
  });

  it('requires the bootstrap admin username and password together', () => {
    expect(() => validateConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root' })).toThrow(/set together/);
    expect(() => validateConfig({ BOOTSTRAP_ADMIN_USERNAME: 'root', BOOTSTRAP_ADMIN_PASSWORD: 'short' })).toThrow(/BOOTSTRAP_ADMIN_PASSWORD/);
  });

  it('trusts no proxy by default, and reads a hop count or a list of addresses and subnets for TRUST_PROXY', () => {
    expect(validateConfig({}).TRUST_PROXY).toBe(false);
    expect(validateConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(validateConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(validateConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });
});
