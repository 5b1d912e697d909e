import path from 'node:path';
import { z } from 'zod';

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
}

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
  };
}
