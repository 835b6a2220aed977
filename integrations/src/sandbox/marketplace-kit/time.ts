/** `2026-02-04 17:28:48`: Brasília wall-clock time without a zone, as MadeiraMadeira writes dates. */
export function brasiliaDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) - 3 * 3_600_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

/** `2023-06-06T21:44:44`: Brasília wall-clock time, ISO style, no zone (SkyHub chats). */
export function brasiliaIsoLocal(iso: string): string {
  return brasiliaDateTime(iso).replace(' ', 'T');
}

/** `2023-06-06T21:41:57-03:00`: Brasília time with its offset. */
export function brasiliaWithOffset(iso: string): string {
  return `${brasiliaIsoLocal(iso)}-03:00`;
}
