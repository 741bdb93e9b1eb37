import type { Definition } from '../../../runtime/core/index';
import { mount, type MountedForm } from '../../../runtime/react/index';
import '../../../runtime/react/styles.css';
import { workloadDefinition } from '../workload';

/**
 * The page the CI render-count guard drives (test/e2e/perf-guard.test.ts): `?n=1000` mounts the
 * generated form, `?form=<id>/<version>` a shipped one, both through the public `mount` with the
 * runtime's `debug` render counter (window.__asRenderCount) switched on.
 */
const shipped = import.meta.glob<Definition>('../../../form-definitions/*/*.json', { eager: true, import: 'default' });

declare global {
  interface Window {
    __guard: { form: MountedForm; answers: Record<string, unknown>; ready: Promise<void> };
    __asRenderCount?: number;
  }
}

const params = new URLSearchParams(location.search);
const formParam = params.get('form');
let definition: Definition;
if (formParam) {
  const hit = Object.entries(shipped).find(([path]) => path.endsWith(`/form-definitions/${formParam}.json`));
  if (!hit) throw new Error(`no shipped form ${formParam}`);
  definition = hit[1];
} else {
  definition = workloadDefinition(Number(params.get('n') ?? 1000));
}
const state = { answers: {} as Record<string, unknown> };
const form = mount(document.getElementById('root')!, {
  definition,
  debug: true,
  onChange: (answers) => {
    state.answers = answers;
  },
});
window.__guard = {
  form,
  get answers() {
    return state.answers;
  },
  ready: form.ready,
};
