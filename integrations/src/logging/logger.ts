import pino from 'pino';

export type Logger = pino.Logger;
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log line. Connector credentials,
 * Zendesk tokens, webhook secrets and authorization headers must never reach a log file, even when a
 * whole request, config or error object is logged by accident.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-zendesk-webhook-signature"]',
  'headers.authorization',
  'headers.Authorization',
  'config.headers.authorization',
  'config.headers.Authorization',
  'authorization',
  'password',
  'token',
  'apiToken',
  'api_token',
  'accessToken',
  'access_token',
  'refreshToken',
  'refresh_token',
  'secret',
  'secretKey',
  'clientSecret',
  'client_secret',
  'credentials',
  '*.password',
  '*.token',
  '*.apiToken',
  '*.api_token',
  '*.accessToken',
  '*.access_token',
  '*.refreshToken',
  '*.refresh_token',
  '*.secret',
  '*.secretKey',
  '*.clientSecret',
  '*.client_secret',
  '*.credentials',
  '*.authorization',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: pino.DestinationStream;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'vitrine' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    opts.destination,
  );
}

/** A logger that drops everything (tests, one-shot CLI commands that print their own output). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
