import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SubmitButton } from '../../../runtime/react/CheckAnswers';

/**
 * Found submitting the AUDIT as a practitioner on a fresh `npm start`: the store's first submission
 * took seconds, and all the page showed meanwhile was a greyed "Submit assessment" button.
 */
describe('the submit button', () => {
  const html = (submitting: boolean) => renderToStaticMarkup(createElement(SubmitButton, { onSubmit: () => undefined, submitting }));

  it('says the assessment is on its way while it is, in a status region announced when it changes', () => {
    expect(html(true)).toContain('Sending the assessment. Keep this page open until it says the assessment is submitted.');
    expect(html(true)).toMatch(/<button[^>]*disabled=""[^>]*aria-describedby="as-submit-status"|<button[^>]*aria-describedby="as-submit-status"[^>]*disabled=""/);
  });

  it('keeps the empty status region there before, so the words are announced', () => {
    expect(html(false)).toContain('<p id="as-submit-status" class="as-body as-submit-status" role="status"></p>');
    expect(html(false)).not.toContain('disabled');
  });
});
