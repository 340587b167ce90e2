import pino from 'pino';

export function createLogger(level: string) {
  return pino({
    level,
    base: { service: 'brobygger' },
    redact: { paths: ['req.headers.cookie', 'password', '*.password', 'headers.cookie'], remove: true },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export type Logger = ReturnType<typeof createLogger>;
