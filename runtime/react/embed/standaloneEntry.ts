/**
 * `dist/lib/standalone.js`: the runtime with React inside, for a plain HTML page with no bundler.
 * One `<script type="module" src=".../standalone.js">` registers `<assessment-form>` and exports
 * `mount` (the React-free entry's). Built by `vite.lib.config.ts --mode standalone`; its gzip size
 * has a ceiling in test/bench/ceilings.json.
 */
import './elementEntry';

export * from './mountEntry';
export { AssessmentFormElement, defineAssessmentForm, type AssessmentFormEventMap } from './element';
