import pages from './pages.json';

/**
 * The web app's pages: the HTML entry each route serves, as Vite writes it under dist/app
 * (paths relative to the project root, which Vite keeps in its output). vite.config.ts builds
 * exactly the pages listed in pages.json; the server serves exactly these.
 */
export const PAGES: Readonly<Record<'builder' | 'forms' | 'embed' | 'responses' | 'signin', string>> = pages;

export type PageName = keyof typeof PAGES;
