import { pino, type Logger } from 'pino';

export type { Logger };

/** One JSON logger per process; child loggers carry the component name. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    redact: {
      paths: ['*.authorization', '*.password', '*.secret', 'req.headers.authorization'],
      censor: '***',
    },
  });
}
