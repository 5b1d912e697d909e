import path from 'node:path';
import { z } from 'zod';

function wholeNumber(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce
    .number({ error: message })
    .int({ error: message })
    .min(min, { error: message })
    .max(max, { error: message });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// Every setting Lotline reads from the environment. Documented in README.md
// ("Configuration"); a test keeps the two lists equal.
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number between 1 and 65535 (0: any free port)' })
    .int({ error: 'must be a whole number between 1 and 65535 (0: any free port)' })
    .min(0, { error: 'must be a whole number between 1 and 65535 (0: any free port)' })
    .max(65535, { error: 'must be a whole number between 1 and 65535 (0: any free port)' })
    .default(3000),
  HOST: z.string().trim().min(1, { error: 'must not be empty' }).default('localhost'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
      error: 'must be a PostgreSQL URL: postgres://user:password@host:5432/database',
    })
    .optional(),
  LOTLINE_DATA_DIR: z.string().trim().min(1, { error: 'must not be empty' }).default('./data'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })
    .default('info'),
  LOTLINE_SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60).default(15),
  LOTLINE_SESSION_MAX_HOURS: wholeNumber(1, 7 * 24).default(12),
  LOTLINE_PASSWORD_MIN_LENGTH: wholeNumber(8, 128).default(12),
  LOTLINE_PASSWORD_MAX_AGE_DAYS: wholeNumber(0, 3650).default(0),
  LOTLINE_LOCKOUT_THRESHOLD: wholeNumber(1, 100).default(5),
  LOTLINE_LOGIN_RATE_LIMIT: wholeNumber(1, 100_000).default(30),
  LOTLINE_TRUST_PROXY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false'),
});

export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server when set; otherwise the embedded PGlite database under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: LogLevel;
  security: SecurityPolicy;
  /** Trust X-Forwarded-* from a reverse proxy (TLS terminated in front of Lotline). */
  trustProxy: boolean;
}

export interface SecurityPolicy {
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  passwordMinLength: number;
  /** 0: passwords do not age. */
  passwordMaxAgeDays: number;
  lockoutThreshold: number;
  /** Sign-in attempts per minute from one address. */
  loginRateLimit: number;
}

export const DEFAULT_SECURITY_POLICY: SecurityPolicy = {
  sessionIdleMinutes: 15,
  sessionMaxHours: 12,
  passwordMinLength: 12,
  passwordMaxAgeDays: 0,
  lockoutThreshold: 5,
  loginRateLimit: 30,
};

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => CONFIG_VARIABLES.includes(key) && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        const raw = present[name];
        return `${name}: ${issue.message}${raw === undefined ? '' : ` (got "${raw}")`}`;
      }),
    );
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: path.resolve(v.LOTLINE_DATA_DIR),
    logLevel: v.LOG_LEVEL,
    security: {
      sessionIdleMinutes: v.LOTLINE_SESSION_IDLE_MINUTES,
      sessionMaxHours: v.LOTLINE_SESSION_MAX_HOURS,
      passwordMinLength: v.LOTLINE_PASSWORD_MIN_LENGTH,
      passwordMaxAgeDays: v.LOTLINE_PASSWORD_MAX_AGE_DAYS,
      lockoutThreshold: v.LOTLINE_LOCKOUT_THRESHOLD,
      loginRateLimit: v.LOTLINE_LOGIN_RATE_LIMIT,
    },
    trustProxy: v.LOTLINE_TRUST_PROXY === 'true',
  };
}
