import type { Command } from 'commander';
import { registerCheckReplyCommand } from './check-reply';
import { registerDuplicatesCommand } from './duplicates';
import { registerIdentityCommand } from './identity';
import { registerSlaCommands } from './sla';
import { registerTrackingCommand } from './tracking';

/** The domain commands: pure computations from `@vitrine/shared`, no store or network. */
export function registerDomainCommands(program: Command): void {
  registerSlaCommands(program);
  registerCheckReplyCommand(program);
  registerIdentityCommand(program);
  registerTrackingCommand(program);
  registerDuplicatesCommand(program);
}
