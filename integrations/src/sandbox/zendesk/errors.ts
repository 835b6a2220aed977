/** An error the sandbox answers with Zendesk's status and body shape (`{error, description, details}`). */
export class ZendeskSandboxError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description?: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`${status} ${error}${description ? `: ${description}` : ''}`);
  }

  body(): Record<string, unknown> {
    const body: Record<string, unknown> = { error: this.error };
    if (this.description) body.description = this.description;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }
}

export const notFound = (what: string) =>
  new ZendeskSandboxError(404, 'RecordNotFound', `Not found: ${what}`);

export const invalid = (field: string, message: string) =>
  new ZendeskSandboxError(422, 'RecordInvalid', 'Record validation errors', {
    [field]: [{ description: message, error: 'InvalidValue' }],
  });
