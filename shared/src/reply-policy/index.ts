export { RULE_IDS, type RuleId, type Severity } from './rules';
export { REPLY_POLICIES, replyPolicyFor, type ReplyPolicy, type PolicyVoice } from './policies';
export { checkReply, type Finding, type ReplyCheckInput, type ReplyCheckResult } from './check-reply';
export { replyPolicyMessages, type ReplyPolicyMessageKey } from './messages';
