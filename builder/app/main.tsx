import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerBuiltinCommands } from './commands/index';
import { workspace } from './services/workspace';
import { focusedSelection, markerSummary } from './monaco/setup';
import { installKeybindings } from './shell/keyboard';
import { Workbench } from './shell/Workbench';
import '../../runtime/react/styles.css';
import './workbench.css';

registerBuiltinCommands();
installKeybindings(workspace);
// Tests and power users drive the same command registry the palette does.
(window as unknown as { studio: unknown }).studio = { workspace, markers: markerSummary, selection: focusedSelection };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Workbench ws={workspace} />
  </StrictMode>,
);
void workspace.init();
