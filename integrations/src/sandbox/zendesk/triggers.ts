import type { Ticket, Trigger, TriggerCondition } from '../../zendesk/types';
import { isAgent, type TicketChange } from './account';

/**
 * The subset of Zendesk trigger conditions the sandbox evaluates — enough for Vitrine's triggers
 * (an agent's public reply, a ticket solved, a bad satisfaction rating). A condition on a field the
 * sandbox does not know never matches, so an unsupported trigger stays silent instead of firing
 * on everything.
 */

type Operator =
  | 'is'
  | 'is_not'
  | 'changed'
  | 'not_changed'
  | 'value'
  | 'not_value'
  | 'value_previous'
  | 'not_value_previous'
  | 'includes'
  | 'not_includes';

const truthy = (value: unknown) => value === true || value === 'true' || value === 1 || value === '1';

function statusCondition(
  current: string | null,
  previous: string | null | undefined,
  operator: Operator,
  value: unknown,
): boolean {
  const changed = previous !== undefined && previous !== current;
  switch (operator) {
    case 'is':
      return current === value;
    case 'is_not':
      return current !== value;
    case 'changed':
      return changed;
    case 'not_changed':
      return !changed;
    case 'value':
      return changed && current === value;
    case 'not_value':
      return changed && current !== value;
    case 'value_previous':
      return changed && previous === value;
    case 'not_value_previous':
      return changed && previous !== value;
    default:
      return false;
  }
}

function scoreOf(ticket: Ticket | null): string | null {
  const rating = ticket?.satisfaction_rating;
  if (!rating) return 'unoffered';
  return rating.score;
}

/** `bad_with_comment` etc. compare against score and whether a comment is present. */
function scoreMatches(ticket: Ticket, wanted: unknown): boolean {
  const score = scoreOf(ticket);
  const hasComment = Boolean(ticket.satisfaction_rating?.comment);
  switch (wanted) {
    case 'good_with_comment':
      return score === 'good' && hasComment;
    case 'bad_with_comment':
      return score === 'bad' && hasComment;
    case 'good_without_comment':
      return score === 'good' && !hasComment;
    case 'bad_without_comment':
      return score === 'bad' && !hasComment;
    default:
      return score === wanted;
  }
}

export function conditionMatches(condition: TriggerCondition, change: TicketChange): boolean {
  const operator = condition.operator as Operator;
  const { ticket, previous, comment, actor } = change;
  switch (condition.field) {
    case 'update_type': {
      const type = previous ? 'Change' : 'Create';
      return operator === 'is_not' ? type !== condition.value : type === condition.value;
    }
    case 'comment_is_public': {
      if (condition.value === 'not_relevant') return true;
      if (!comment) return false;
      const wantPublic = condition.value === 'requester_can_see_comment' || truthy(condition.value);
      return operator === 'is_not' ? comment.public !== wantPublic : comment.public === wantPublic;
    }
    case 'comment_includes_word': {
      if (!comment) return false;
      const words = String(condition.value ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      const body = comment.body.toLowerCase();
      const hit = words.some((w) => body.includes(w));
      return operator === 'not_includes' ? !hit : hit;
    }
    case 'role': {
      // "Current user": the one who made this update.
      const role = isAgent(actor) ? 'agent' : 'end_user';
      return operator === 'is_not' ? role !== condition.value : role === condition.value;
    }
    case 'status':
      return statusCondition(
        ticket.status,
        previous ? previous.status : undefined,
        operator,
        condition.value,
      );
    case 'satisfaction_score': {
      const current = scoreOf(ticket);
      const before = previous ? scoreOf(previous) : undefined;
      const changed = before !== undefined && before !== current;
      if (operator === 'value') return changed && scoreMatches(ticket, condition.value);
      if (operator === 'is') return scoreMatches(ticket, condition.value);
      if (operator === 'is_not') return !scoreMatches(ticket, condition.value);
      if (operator === 'changed') return changed;
      return false;
    }
    case 'current_tags': {
      const wanted = String(condition.value ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      const hit = wanted.some((tag) => ticket.tags.includes(tag));
      return operator === 'not_includes' ? !hit : hit;
    }
    case 'via_id':
    case 'current_via_id': {
      const channel = ticket.via.channel;
      return operator === 'is_not' ? channel !== condition.value : channel === condition.value;
    }
    default:
      return false;
  }
}

export function triggerMatches(trigger: Trigger, change: TicketChange): boolean {
  if (!trigger.active) return false;
  const all = trigger.conditions.all ?? [];
  const any = trigger.conditions.any ?? [];
  if (all.length === 0 && any.length === 0) return false;
  return (
    all.every((c) => conditionMatches(c, change)) &&
    (any.length === 0 || any.some((c) => conditionMatches(c, change)))
  );
}

/**
 * Renders Zendesk placeholders in a webhook body. Values are JSON-escaped because Vitrine's bodies
 * are JSON templates (`{"ticket_id":"{{ticket.id}}"}`): a subject with quotes must not break them.
 */
export function renderPlaceholders(template: string, change: TicketChange, account: string): string {
  const { ticket, comment, actor } = change;
  const values: Record<string, unknown> = {
    'ticket.id': ticket.id,
    'ticket.account': account,
    'ticket.external_id': ticket.external_id ?? '',
    'ticket.status': ticket.status,
    'ticket.title': ticket.subject ?? '',
    'ticket.tags': ticket.tags.join(' '),
    'ticket.requester.id': ticket.requester_id,
    'ticket.via': ticket.via.channel,
    'ticket.latest_comment.id': comment?.id ?? '',
    'ticket.latest_comment.value': comment?.body ?? '',
    'satisfaction.current_rating': ticket.satisfaction_rating?.score ?? '',
    'current_user.id': actor.id,
    'current_user.name': actor.name,
  };
  return template.replace(/\{\{\s*([a-z_.]+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in values)) return whole.includes('ticket.') || whole.includes('current_user.') ? '' : whole;
    return JSON.stringify(String(values[name])).slice(1, -1);
  });
}
