/** Timestamps are stored as ISO-8601 UTC text with milliseconds: sortable as text on both engines. */
export function toStoredTime(date: Date = new Date()): string {
  return date.toISOString();
}

export function fromStoredTime(value: string): Date {
  return new Date(value);
}
