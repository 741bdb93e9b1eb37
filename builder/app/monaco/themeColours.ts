/**
 * The editors' colours that text is read on, kept apart from Monaco so a unit test can hold them to
 * WCAG AA (test/unit/builder/theme-contrast.test.ts). Monaco's own diff colours (red and green at
 * 20%, the changed characters at another 20% over their line) put its JSON key and number colours
 * under 4.5:1 in Compare, which axe reported depending on what was scrolled into view.
 */
export interface EditorColours {
  background: string;
  foreground: string;
  /** Line numbers, read on a changed line's background (never on changed text). */
  lineNumber: string;
  /** JSON token colours (Monaco's token names), each read on every background below. */
  tokens: Record<string, string>;
  /** Monaco colour ids → `#rrggbbaa`, layered over `background` (a changed line, then its changed text). */
  diff: {
    'diffEditor.removedLineBackground': string;
    'diffEditor.removedTextBackground': string;
    'diffEditor.insertedLineBackground': string;
    'diffEditor.insertedTextBackground': string;
  };
}

export const editorColours: Record<'light' | 'dark', EditorColours> = {
  light: {
    background: '#ffffff',
    foreground: '#000000',
    lineNumber: '#1b5f74',
    tokens: { 'string.key.json': '#a31515', 'string.value.json': '#0451a5', 'keyword.json': '#0451a5', number: '#07613e' },
    diff: {
      'diffEditor.removedLineBackground': '#ff000014',
      'diffEditor.removedTextBackground': '#ff000024',
      'diffEditor.insertedLineBackground': '#9bb95526',
      'diffEditor.insertedTextBackground': '#9ccc2c33',
    },
  },
  dark: {
    background: '#1e1e1e',
    foreground: '#d4d4d4',
    lineNumber: '#a6a6a6',
    tokens: { 'string.key.json': '#9cdcfe', 'string.value.json': '#dcaa8f', 'keyword.json': '#dcaa8f', number: '#b5cea8' },
    diff: {
      'diffEditor.removedLineBackground': '#ff000026',
      'diffEditor.removedTextBackground': '#ff000026',
      'diffEditor.insertedLineBackground': '#9bb95520',
      'diffEditor.insertedTextBackground': '#9ccc2c20',
    },
  },
};

/** Monaco's `defineTheme` data for one of ours. */
export function themeData(colours: EditorColours) {
  return {
    rules: Object.entries(colours.tokens).map(([token, colour]) => ({ token, foreground: colour.slice(1) })),
    colors: { ...colours.diff, 'editor.foreground': colours.foreground, 'editorLineNumber.foreground': colours.lineNumber },
  };
}
