export {
  groupDuplicateContacts,
  type ContactInput,
  type DuplicateLink,
  type DuplicateConflict,
  type DuplicateResult,
  type IgnoredValue,
  type GroupingOptions,
} from './group-duplicates';
export {
  MATCH_KEYS,
  LINKING_KEYS,
  MIN_ORDER_NUMBER_LENGTH,
  type MatchKey,
  type MatchKeyRule,
} from './match-keys';
export { contactMessages } from './messages';
export { displayValue } from './reasons';
