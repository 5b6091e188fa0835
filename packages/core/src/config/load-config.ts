import type { z } from 'zod';

/** Thrown at boot when the environment does not satisfy a deployable's config schema. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against a zod schema once, at boot.
 * Every bad variable is listed in one error, so an operator fixes them all in one pass.
 */
export function loadConfig<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.output<Schema> {
  // An empty variable counts as unset (compose files and .env templates leave optional ones blank).
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = issue.path.join('.') || '(environment)';
    const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    const shown =
      value === undefined ? 'not set' : `got ${JSON.stringify(redact(issue.path[0] as string, value))}`;
    return `${variable}: ${issue.message} (${shown})`;
  });
  throw new ConfigError(problems);
}

function redact(variable: string, value: string): string {
  return /SECRET|PASSWORD|TOKEN|KEY/i.test(variable) ? '***' : value;
}
