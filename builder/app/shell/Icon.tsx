/** Inline SVG icons: no icon font to load, and no emoji that a machine's fonts may lack. */
const paths: Record<string, string> = {
  files: 'M6 3h8l4 4v14H6z M14 3v4h4',
  outline: 'M4 6h16 M8 12h12 M8 18h12 M4 12h1 M4 18h1',
  commands: 'M4 6l6 6-6 6 M12 18h8',
  sun: 'M12 7a5 5 0 1 0 0.01 0z M12 1v3 M12 20v3 M1 12h3 M20 12h3 M4.2 4.2l2.1 2.1 M17.7 17.7l2.1 2.1 M4.2 19.8l2.1-2.1 M17.7 6.3l2.1-2.1',
  moon: 'M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5z',
  error: 'M12 3a9 9 0 1 0 0.01 0z M9 9l6 6 M15 9l-6 6',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18v0.5',
  info: 'M12 3a9 9 0 1 0 0.01 0z M12 11v6 M12 7.5v0.5',
};

export function Icon({ name, label }: { name: keyof typeof paths | string; label?: string }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" role={label ? 'img' : undefined} aria-label={label} aria-hidden={label ? undefined : true} focusable="false">
      <path d={paths[name] ?? ''} />
    </svg>
  );
}
