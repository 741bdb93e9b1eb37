/**
 * The web app's pages: the HTML entry each route serves, as Vite writes it under dist/app
 * (paths relative to the project root, which Vite keeps in its output). vite.config.ts builds
 * exactly these; the server serves exactly these.
 */
export const PAGES = {
  builder: 'builder/app/index.html',
  forms: 'runtime/react/pages/forms/index.html',
  embed: 'runtime/react/pages/embed/index.html',
} as const;

export type PageName = keyof typeof PAGES;
