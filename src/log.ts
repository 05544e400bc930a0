/**
 * Structured JSON logs (pino). Secrets never reach a log line: provider keys and tokens travel in
 * headers that are redacted here, and config is never logged whole.
 */
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string = 'info', name = 'creator-graph'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'headers.authorization',
        'headers["x-api-key"]',
        'req.headers.authorization',
        'req.headers["x-api-key"]',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
  });
}

/** A logger that drops everything: the default for library code and tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
