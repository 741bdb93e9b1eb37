import { editCommands } from './edit';
import { fileCommands } from './file';
import { registerCommand } from './registry';
import { viewCommands } from './view';

export * from './registry';

let registered = false;
/** Registers every built-in command once (the shell calls this at start). */
export function registerBuiltinCommands(): void {
  if (registered) return;
  registered = true;
  for (const c of [...fileCommands, ...viewCommands, ...editCommands]) registerCommand(c);
}
