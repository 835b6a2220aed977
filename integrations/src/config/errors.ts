/**
 * A setting is wrong or missing. The message is one sentence naming the setting and the fix; the CLI
 * prints it as is and stops, without a stack trace.
 */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
