import pino from 'pino';

/** Structured JSON logs; `destination` lets tests read what would have been written. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    {
      level,
      base: { service: 'brobygger' },
      redact: { paths: ['req.headers.cookie', 'password', '*.password', 'headers.cookie'], remove: true },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;
