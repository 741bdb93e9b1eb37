import type { Definition } from '../../../runtime/core/index';
import { defaultRenderers, mount, type MountedForm, type RendererEntry } from '../../../runtime/react/index';
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
    __guard: { form: MountedForm; answers: Record<string, unknown>; ready: Promise<void>; testers: { calls: number; maxProperties: number } };
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
// JSON Forms' testers resolve a control's scope in the schema they are given, calling lodash isEmpty on
// every object on the way: given the whole root of an N-question form, each call is O(N) and first render
// O(N^2) (found by the peer bench, fixed in 898dca2). Count what the testers are given, so CI catches a
// return of that mistake without timing anything.
const testers = { calls: 0, maxProperties: 0 };
// The form's own renderer set with counting testers (a form takes its set as an option; the
// default set itself is frozen).
const renderers: RendererEntry[] = defaultRenderers.map((entry) => ({
  ...entry,
  tester: (uischema, schema, context) => {
    testers.calls++;
    const props = (schema as { properties?: object } | undefined)?.properties;
    if (props) testers.maxProperties = Math.max(testers.maxProperties, Object.keys(props).length);
    return entry.tester(uischema, schema, context);
  },
}));

const state = { answers: {} as Record<string, unknown> };
const form = mount(document.getElementById('root')!, {
  definition,
  debug: true,
  renderers,
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
  testers,
};
