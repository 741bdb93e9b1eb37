import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { checkDefinition, type Definition, type Problem } from '../../core/index';
import { AssessmentForm } from '../AssessmentForm';
import { DefinitionRefused } from '../DefinitionRefused';
import { briefProblems } from '../model/refusal';
import { checkAfterPaint } from '../model/checkAfterPaint';
import { createFormController, type FormController } from '../model/controller';
import { memoryStorage } from '../storage/memory';
import { indexedDbStorage } from '../storage/indexedDb';
import { compileOnServer, DefinitionRefusedError, loadPublished } from './loadPublished';
import { frameMessageSchema, isAllowedOrigin, parentMessageSchema, PROTOCOL, targetOrigin, type FrameMessage, type ParentMessage } from './protocol';

type Outgoing = FrameMessage extends infer M ? (M extends unknown ? Omit<M, 'protocol'> : never) : never;

export interface IframeEmbedOptions {
  element: Element;
  allowedOrigins: string[];
  /** The parent's origin as the browser reports it (`location.ancestorOrigins[0]`). */
  ancestorOrigin?: string;
  exitUrl?: string;
}

/**
 * The iframe side of the protocol: accepts messages only from the parent window, from an
 * allow-listed origin, and only if they parse; posts only to that exact origin.
 */
export function startIframeEmbed(opts: IframeEmbedOptions): () => void {
  const target = targetOrigin(opts.allowedOrigins, opts.ancestorOrigin);
  let root: Root | null = null;
  let controller: FormController | null = null;
  /** The host's `submit` being answered: its reply is posted with the request's id, not by onSubmit. */
  let answeringSubmit = false;
  const post = (msg: Outgoing) => {
    if (!target || window.parent === window) return;
    // Outgoing messages are checked too: the parent can rely on the same schema.
    const checked = frameMessageSchema.safeParse({ protocol: PROTOCOL, ...msg });
    if (checked.success) window.parent.postMessage(checked.data, target);
  };
  const show = (definition: Definition, msg: Extract<ParentMessage, { type: 'load' }>, validator?: Parameters<typeof createFormController>[0]['validator']) => {
    controller?.destroy();
    root?.unmount();
    controller = createFormController({
      definition,
      answers: msg.answers,
      locale: msg.locale,
      validator,
      // This page runs under a CSP without eval: only precompiled validators.
      allowCompile: false,
      storage: msg.storage === 'local' ? indexedDbStorage() : memoryStorage(),
      subjectId: msg.subjectId,
      exitUrl: opts.exitUrl,
      onChange: (answers) => post({ type: 'change', answers }),
      // A submit pressed in the frame has no request to answer; the host's own is answered below.
      onSubmit: (response) => {
        if (!answeringSubmit) post({ type: 'submitted', ok: true, response });
      },
      onError: (error) => post({ type: 'error', code: error.code, message: error.message }),
      // The host hears at once, in the task of the press, so it can blank its own page (which
      // may show the client's name) before this frame deals with drafts and leaves.
      onQuickExitStart: () => post({ type: 'quickExit' }),
      onQuickExit: () => window.location.replace(opts.exitUrl ?? 'about:blank'),
    });
    root = createRoot(opts.element);
    root.render(createElement(AssessmentForm, { definition, controller }));
    // Lint's other rules after the first paint, submit held meanwhile (checkAfterPaint.ts).
    void controller.checkDefinitionAfterPaint(checkAfterPaint(definition));
    post({ type: 'loaded', form: { id: definition.id, version: definition.version } });
  };
  /** A refused definition: the problems to the host; a form already shown stays, an empty frame shows the refusal. */
  const refuse = (problems: Problem[]) => {
    if (!controller) {
      root?.unmount();
      root = createRoot(opts.element);
      root.render(createElement(DefinitionRefused, { problems }));
    }
    post({ type: 'error', code: 'definition-refused', message: 'The definition is not valid.', problems: briefProblems(problems) });
  };
  const onMessage = async (event: MessageEvent) => {
    if (event.source !== window.parent || !isAllowedOrigin(event.origin, opts.allowedOrigins) || event.origin !== target) return;
    const parsed = parentMessageSchema.safeParse(event.data);
    if (!parsed.success) return;
    const msg = parsed.data;
    try {
      if (msg.type === 'load') {
        if (msg.definition) {
          // The checks a published definition got before it was published, all of lint before it is
          // shown: the host learns where it is wrong, and the form shown before stays.
          const checked = checkDefinition(msg.definition);
          if (!checked.ok) return refuse(checked.problems);
          // This page has no eval: a posted definition runs only with a validator the server compiled.
          const validator = await compileOnServer(checked.value);
          if (!validator) return post({ type: 'error', code: 'validator-unavailable', message: 'The definition could not be compiled for validation, so it is not shown.' });
          show(checked.value, msg, validator);
        } else if (msg.form) {
          const loaded = await loadPublished(msg.form.id, msg.form.version).catch((e: unknown) => (e instanceof DefinitionRefusedError ? e : Promise.reject(e)));
          if (loaded instanceof DefinitionRefusedError) return refuse(loaded.problems);
          show(loaded.definition, msg, loaded.validator ?? undefined);
        }
        return;
      }
      const { requestId } = msg;
      if (!controller) return post({ type: 'error', requestId, message: 'No form is loaded.' });
      if (msg.type === 'validate') post({ type: 'validated', requestId, errors: await controller.validate() });
      else if (msg.type === 'getResponse') post({ type: 'response', requestId, response: controller.getResponse() });
      else if (msg.type === 'submit') {
        answeringSubmit = true;
        const result = await controller.submit().finally(() => (answeringSubmit = false));
        post(result.ok ? { type: 'submitted', requestId, ok: true, response: result.response } : { type: 'submitted', requestId, ok: false, errors: result.errors });
      }
    } catch {
      post({ type: 'error', requestId: 'requestId' in msg ? msg.requestId : undefined, message: 'The form could not do that.' });
    }
  };
  window.addEventListener('message', onMessage);
  post({ type: 'ready' });
  return () => {
    window.removeEventListener('message', onMessage);
    controller?.destroy();
    root?.unmount();
  };
}
