import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      databaseUrl: undefined,
      logLevel: 'info',
    });
    expect(config.dataDir).toBe(path.resolve('./data'));
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://lotline:pw@db:5432/lotline',
      LOTLINE_DATA_DIR: '/var/lib/lotline',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://lotline:pw@db:5432/lotline',
      dataDir: '/var/lib/lotline',
      logLevel: 'warn',
      trustProxy: false,
    });
  });

  it('names every bad variable with its value and what it must be', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^PORT: must be a whole number .* \(got "eighty"\)$/);
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toMatch(/PostgreSQL URL/);
    expect(problems.find((p) => p.startsWith('LOG_LEVEL'))).toMatch(
      /one of fatal, error, warn, info/,
    );
  });

  it('reads the security policy, with Part 11-minded defaults', () => {
    expect(loadConfig({}).security).toEqual({
      sessionIdleMinutes: 15,
      sessionMaxHours: 12,
      passwordMinLength: 12,
      passwordMaxAgeDays: 0,
      lockoutThreshold: 5,
      loginRateLimit: 30,
    });
    const config = loadConfig({
      LOTLINE_SESSION_IDLE_MINUTES: '5',
      LOTLINE_PASSWORD_MAX_AGE_DAYS: '90',
      LOTLINE_TRUST_PROXY: 'true',
    });
    expect(config.security).toMatchObject({ sessionIdleMinutes: 5, passwordMaxAgeDays: 90 });
    expect(config.trustProxy).toBe(true);
    expect(() => loadConfig({ LOTLINE_PASSWORD_MIN_LENGTH: '4' })).toThrow(
      /LOTLINE_PASSWORD_MIN_LENGTH: must be a whole number from 8 to 128/,
    );
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '3000.5' })).toThrow(ConfigError);
  });
});

describe('the README', () => {
  it('documents every configuration variable', () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../../README.md'), 'utf8');
    for (const name of CONFIG_VARIABLES)
      expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
  });
});
