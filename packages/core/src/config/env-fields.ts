import { z } from 'zod';

/** Reusable zod fields for environment variables, so every deployable parses them the same way. */
export const envFields = {
  port: (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback),
  host: () => z.string().min(1).default('127.0.0.1'),
  nodeEnv: () => z.enum(['development', 'test', 'production']).default('development'),
  logLevel: () => z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  url: (protocols: string[]) =>
    z.url({
      protocol: new RegExp(`^(${protocols.join('|')})$`),
      error: `must be a ${protocols.join(' or ')} URL`,
    }),
  secret: () => z.string().min(32, 'must be at least 32 characters'),
  boolean: (fallback: boolean) =>
    z
      .enum(['true', 'false', '1', '0'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1'),
  positiveInt: (fallback: number) => z.coerce.number().int().positive().default(fallback),
};
