import { memoryStorage, mount } from '../../index';
import { definition, log, validator } from '../shared';

/** A host without React: mount() returns the handle the host drives the form with. */
const form = mount(document.getElementById('root')!, {
  definition,
  validator,
  storage: memoryStorage(),
  onChange: (answers) => log(`change ${Object.keys(answers).sort().join(',')}`),
  onSubmit: (response) => log(`submit ${response.status}`),
  // At once, before the form deals with drafts and leaves (it has already blanked this page).
  onQuickExitStart: () => log('quick exit'),
});

document.getElementById('validate')!.addEventListener('click', async () => {
  const errors = await form.validate();
  log(`validate ${errors.length} error(s): ${errors.map((e) => e.pointer).join(' ')}`);
});
document.getElementById('response')!.addEventListener('click', () => {
  const r = form.getResponse();
  log(`response ${r.status} ${r.form.id}@${r.form.version} sha256=${r.form.sha256.slice(0, 12)} answers=${JSON.stringify(r.answers)}`);
});
document.getElementById('submit')!.addEventListener('click', async () => {
  const result = await form.submit();
  log(result.ok ? `submitted ${result.response.responseId}` : `not submitted: ${result.errors.length} error(s)`);
});
document.getElementById('destroy')!.addEventListener('click', () => {
  form.destroy();
  log('destroyed');
});
