import type { Workspace } from '../services/workspace';

/**
 * Commands are data with namespaced ids (`studio.<area>.<verb>`): the palette, keybindings, menus
 * and browser tests all run them by id through this one registry (vscode registerAction2).
 */
export interface Command {
  id: string;
  title: string;
  category: string;
  /** e.g. `mod+shift+p`; `mod` is Cmd on macOS and Ctrl elsewhere. */
  keybinding?: string;
  /** Also run while focus is in a text field or Monaco (saving, the palette, undo). */
  global?: boolean;
  enabled?: (ws: Workspace) => boolean;
  run: (ws: Workspace) => void | Promise<unknown>;
}

const commands = new Map<string, Command>();

export function registerCommand(command: Command): void {
  if (commands.has(command.id)) throw new Error(`Command ${command.id} registered twice`);
  commands.set(command.id, command);
}

export function allCommands(): Command[] {
  return [...commands.values()];
}

export function getCommand(id: string): Command | undefined {
  return commands.get(id);
}

export async function runCommand(ws: Workspace, id: string): Promise<boolean> {
  const command = commands.get(id);
  if (!command || (command.enabled && !command.enabled(ws))) return false;
  await command.run(ws);
  return true;
}

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** `mod+shift+p` → `Ctrl+Shift+P` (or `⌘⇧P` on macOS), for labels. */
export function keyLabel(binding: string): string {
  return binding
    .split('+')
    .map((part) => {
      if (part === 'mod') return isMac ? '⌘' : 'Ctrl';
      if (part === 'shift') return isMac ? '⇧' : 'Shift';
      if (part === 'alt') return isMac ? '⌥' : 'Alt';
      if (part === 'up') return '↑';
      if (part === 'down') return '↓';
      return part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1);
    })
    .join(isMac ? '' : '+');
}

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Does a keyboard event match a binding? Pure, so it is unit-tested. */
export function matchesBinding(binding: string, e: KeyLike, mac = isMac): boolean {
  const parts = binding.toLowerCase().split('+');
  const key = parts[parts.length - 1]!;
  const want = { mod: parts.includes('mod'), shift: parts.includes('shift'), alt: parts.includes('alt') };
  const mod = mac ? e.metaKey : e.ctrlKey;
  const otherMod = mac ? e.ctrlKey : e.metaKey;
  if (mod !== want.mod || otherMod || e.shiftKey !== want.shift || e.altKey !== want.alt) return false;
  const pressed = e.key.toLowerCase();
  const names: Record<string, string> = { arrowup: 'up', arrowdown: 'down', delete: 'delete', escape: 'escape', f1: 'f1' };
  return (names[pressed] ?? pressed) === key;
}

export function commandForKey(e: KeyLike, inTextField: boolean, mac = isMac): Command | undefined {
  for (const command of commands.values()) {
    if (!command.keybinding) continue;
    if (inTextField && !command.global) continue;
    if (matchesBinding(command.keybinding, e, mac)) return command;
  }
  return undefined;
}
