import type { Conversation, Message } from '@vitrine/shared';

/** A message as the store already knows it. */
export interface StoredMessage {
  externalId: string;
  position: number;
  author: string;
  counterpart: string;
  text: string;
  createdAt: string;
}

export interface NewMessage {
  message: Message;
  /** Position in the conversation: after every stored message, in the order they were written. */
  position: number;
}

/**
 * The messages of `conversation` the store has not seen yet, in the order they were written.
 *
 * Sources list messages newest first, oldest first or grouped by counterpart; we sort by
 * `createdAt` (ties keep the source's order) so comments land in the order the buyer wrote them.
 * A message that arrives late (older than one already stored) is appended after the stored ones:
 * Zendesk comments cannot be reordered, and writing it is better than losing it.
 */
export function diffMessages(conversation: Conversation, stored: readonly StoredMessage[]): NewMessage[] {
  const known = new Set(stored.map((m) => m.externalId));
  let next = stored.reduce((max, m) => Math.max(max, m.position), -1) + 1;
  const fresh: NewMessage[] = [];
  for (const message of inWrittenOrder(conversation.messages)) {
    // A source may repeat a message in one payload (Americanas lists a chat under both parts).
    if (known.has(message.externalId)) continue;
    known.add(message.externalId);
    fresh.push({ message, position: next++ });
  }
  return fresh;
}

export function inWrittenOrder(messages: readonly Message[]): Message[] {
  return messages
    .map((message, index) => ({ message, index, at: Date.parse(message.createdAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((entry) => entry.message);
}

/** Text compared the way Zendesk may have reformatted it (line endings, surrounding spaces). */
export function comparableText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}
