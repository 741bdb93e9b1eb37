import { runCommand } from '../commands/index';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { Icon } from './Icon';

export function ActivityBar({ ws }: { ws: Workspace }) {
  const sidebar = useStore(ws.store, (s) => s.sidebar);
  const theme = useStore(ws.store, (s) => s.theme);
  const item = (id: 'explorer' | 'outline', label: string, glyph: string) => (
    <button type="button" className={`activity${sidebar === id ? ' is-active' : ''}`} aria-pressed={sidebar === id} title={label} aria-label={label} onClick={() => ws.store.set({ sidebar: sidebar === id ? null : id })} data-testid={`activity-${id}`}>
      <Icon name={glyph} />
    </button>
  );
  return (
    <nav className="activity-bar" aria-label="Views">
      {item('explorer', 'Explorer (Ctrl+Shift+E)', 'files')}
      {item('outline', 'Outline (Ctrl+Shift+O)', 'outline')}
      <div className="activity-spacer" />
      <button type="button" className="activity" title="Command palette (Ctrl+Shift+P)" aria-label="Command palette" onClick={() => void runCommand(ws, 'studio.palette.show')}>
        <Icon name="commands" />
      </button>
      <button type="button" className="activity" title={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`} onClick={() => ws.setTheme(theme === 'dark' ? 'light' : 'dark')} data-testid="theme-toggle">
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      </button>
    </nav>
  );
}
