import { useEffect, useState } from 'react';
import { explorerContribution } from '../contributions/explorer/contribution';
import { outlineContribution } from '../contributions/outline/contribution';
import { problemsContribution } from '../contributions/problems/contribution';
import { useStore } from '../services/store';
import type { Workspace } from '../services/workspace';
import { ActivityBar } from './ActivityBar';
import { Announcer } from './Announcer';
import { Dialogs } from './Dialogs';
import { EditorArea } from './EditorArea';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { Toast } from './Toast';

const sideViews = { explorer: explorerContribution, outline: outlineContribution } as const;

/** The VS Code-style frame: activity bar, side bar, editor area, Problems panel, status bar. */
export function Workbench({ ws }: { ws: Workspace }) {
  const sidebar = useStore(ws.store, (s) => s.sidebar);
  const showPanel = useStore(ws.store, (s) => s.showPanel);
  const theme = useStore(ws.store, (s) => s.theme);
  const [sideWidth, setSideWidth] = useState(300);
  const [panelHeight, setPanelHeight] = useState(180);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  const Side = sidebar ? sideViews[sidebar].view : null;
  const Problems = problemsContribution.view;
  return (
    <div className="workbench">
      <ActivityBar ws={ws} />
      {/* The splitter sits inside the side bar's landmark (axe: all content in landmarks). */}
      {Side && (
        <aside className="side-bar" id="side-bar" style={{ width: sideWidth }} aria-label={sideViews[sidebar!].title}>
          <div className="side-bar-content">
            <Side ws={ws} />
          </div>
          <Splitter label="Resize side bar" orientation="vertical" value={sideWidth} min={200} max={600} onChange={setSideWidth} controls="side-bar" />
        </aside>
      )}
      <main className="main-area">
        {/* Toasts float over the editor, above the Problems panel, never over it (issue 17.8). */}
        <div className="editor-stack">
          <EditorArea ws={ws} />
          <Toast ws={ws} />
        </div>
        <Announcer ws={ws} />
        {showPanel && (
          <>
            <Splitter label="Resize Problems panel" orientation="horizontal" value={panelHeight} min={80} max={500} invert onChange={setPanelHeight} controls="bottom-panel" />
            <div className="bottom-panel" id="bottom-panel" style={{ height: panelHeight }}>
              <Problems ws={ws} />
            </div>
          </>
        )}
      </main>
      <StatusBar ws={ws} />
      <Dialogs ws={ws} />
    </div>
  );
}
