import type { Severity } from './problem';

/**
 * Every problem code the product emits, with its default severity and a one-line doc.
 * Data, not prose: messages are built where the problem is found, from `params`.
 * Codes are stable: tests, CI output and docs refer to them. Add, never rename.
 */
export interface ProblemCodeInfo {
  severity: Severity;
  doc: string;
}

export const problemCodes = {
  // reading a file
  'file-unreadable': { severity: 'error', doc: 'The file could not be read.' },
  'file-empty': { severity: 'error', doc: 'The file is empty.' },
  'json-syntax': { severity: 'error', doc: 'The text is not valid JSON.' },
  'encoding-bom': { severity: 'error', doc: 'The file starts with a byte-order mark (U+FEFF); save it as UTF-8 without one. Refused by every command alike, so the bytes on disk are exactly what is hashed, served and edited.' },
  'encoding-utf16': { severity: 'error', doc: 'The file is UTF-16 or UTF-32 (by its byte-order mark, or the NUL bytes of its first character), not UTF-8.' },
  'encoding-invalid': { severity: 'error', doc: 'The file is not valid UTF-8; the problem names the byte offset of the first bad byte.' },
  'key-duplicate': { severity: 'error', doc: 'A key is written twice in one object (JSON.parse would silently keep the last); reported at the second, naming both lines.' },

  // limits checked before anything else sees the input (safety/limits.ts)
  'too-large': { severity: 'error', doc: 'The input is larger than the documented size limit.' },
  'too-deep': { severity: 'error', doc: 'The input is nested deeper than the documented limit.' },
  'too-many-questions': { severity: 'error', doc: 'The form has more questions than the documented limit.' },
  'too-many-options': { severity: 'error', doc: 'A question has more options than the documented limit.' },
  'label-too-long': { severity: 'error', doc: 'A title, description or label is longer than the documented limit.' },
  'answer-too-long': { severity: 'error', doc: 'An answer is longer than the documented limit.' },
  'value-unrepresentable': { severity: 'error', doc: 'A definition object given to a browser surface holds a value canonical JSON cannot represent (a lone surrogate, a non-finite number), so it cannot be hashed.' },
  'definition-unchecked': { severity: 'error', doc: 'An embedded form could not load the rest of its definition check (lint, run after the first paint), so it is refused rather than used unchecked.' },
  'too-many-items': { severity: 'error', doc: 'A list in the answers given to a form (a host\'s answers, a draft) has more items than the limit of 1,000.' },
  'forbidden-key': { severity: 'error', doc: 'A `__proto__`, `constructor` or `prototype` key, which could pollute prototypes.' },
  'string-lone-surrogate': { severity: 'error', doc: 'A key or text holds half of a UTF-16 surrogate pair (e.g. `\\ud800`): it has no UTF-8 form, so it cannot be saved or hashed.' },
  'number-not-finite': { severity: 'error', doc: 'A number too large for a double (a literal such as `1e400`), or Infinity / NaN in a value: JSON and the content hash have no form for it.' },
  'number-unsafe-integer': { severity: 'error', doc: 'An integer literal beyond 2^53 - 1, which every JSON reader here would round to another number; write it as a string or a smaller number.' },
  'value-not-json': { severity: 'error', doc: 'A value passed as an object that JSON has no form for (a bigint, function or symbol).' },

  // references and patterns
  'ref-remote': { severity: 'error', doc: 'A `$ref` points outside the definition; remote references are never fetched.' },
  'ref-unresolved': { severity: 'error', doc: 'A local `$ref` points at nothing.' },
  'ref-cycle': { severity: 'error', doc: 'A `$ref` leads back to itself without consuming data.' },
  'pattern-invalid': { severity: 'error', doc: 'A `pattern` is not a valid regular expression.' },
  'pattern-unsafe': { severity: 'error', doc: 'A `pattern` uses features that cannot run on the linear-time engine (backreferences, lookaround, inline modifiers) or is too large for it (over 300 states, e.g. a group repeated hundreds of times).' },
  'id-invalid': { severity: 'error', doc: 'An `$id` or anchor of an unusual shape (nested, relative, not a plain URI); refused before AJV.' },

  // the envelope and its file
  'envelope-invalid': { severity: 'error', doc: 'The definition envelope does not match the envelope schema.' },
  'id-mismatch': { severity: 'error', doc: 'The definition `id` differs from the name of its folder.' },
  'version-mismatch': { severity: 'error', doc: 'The definition `version` differs from its file name.' },
  'hash-mismatch': { severity: 'error', doc: 'A published definition no longer matches the hash recorded when it was published.' },
  'hash-unrecorded': { severity: 'error', doc: 'A published definition has no recorded hash.' },
  'envelope-format-unknown': { severity: 'error', doc: 'The envelope format version is newer than this program knows.' },
  'published-record-invalid': { severity: 'error', doc: '`form-definitions/published.json` is not an object of "<id>/<version>": "<sha256 hex>".' },
  'change-note-missing': { severity: 'error', doc: 'A version is being published without a change note: its `changelog` has no entry for it, or the entry\'s `summary` is empty or the placeholder "Describe what changed and why." (checked by every publish, not by lint).' },
  'publish-refused': { severity: 'error', doc: 'A definition cannot be published: it is outside `form-definitions/<id>/`, or has lint errors.' },
  'lint-rule-crashed': { severity: 'error', doc: 'A lint rule failed unexpectedly on this definition (a bug in the rule; the other rules still ran).' },

  // lint: schema and UI schema
  'schema-invalid': { severity: 'error', doc: 'The `schema` is not a valid JSON Schema draft 2020-12.' },
  'uischema-invalid': { severity: 'error', doc: 'The `uischema` is not a valid JSON Forms UI schema.' },
  'scope-unresolved': { severity: 'error', doc: 'A UI scope points at no property of the schema.' },
  'question-not-shown': { severity: 'error', doc: 'A question is shown by no UI element.' },
  'code-missing': { severity: 'error', doc: 'A question has no export code (`x-code`).' },
  'code-malformed': { severity: 'error', doc: 'An export code does not match `^[a-z][a-z0-9_]{1,63}$`.' },
  'code-duplicate': { severity: 'error', doc: 'Two questions share one export code.' },
  'code-reused': { severity: 'error', doc: 'An export code of an earlier version is used with another meaning.' },
  'code-dropped': { severity: 'error', doc: 'An export code of the previous version is neither kept nor retired.' },
  'extension-unknown': { severity: 'error', doc: 'An `x-` keyword the product does not know.' },
  'extension-invalid': { severity: 'error', doc: 'A known `x-` keyword has a value of the wrong shape.' },
  'sensitive-ungated': { severity: 'error', doc: 'A sensitive question can be reached without passing the safety check.' },
  // lint: sensitivity levels (issue 18)
  'sensitivity-unknown': { severity: 'error', doc: 'An `x-sensitivity` names a level that is neither built in (personal, sensitive, special-category, safe-address) nor declared in the form\'s `sensitivityLevels`; until fixed it is treated as the strictest level.' },
  'sensitivity-level-invalid': { severity: 'error', doc: 'A level declared in `sensitivityLevels` has a name that is not kebab-case, redefines a built-in level, names an unknown export profile, or gives an action other than keep, mask or drop (or `drafts` other than keep or never).' },
  'gate-invalid': { severity: 'error', doc: 'The safety check named by `safety.gate` is not a yes/no question (a boolean, or a single choice naming its yes and no codes in `x-yes-no`).' },
  'rule-shows-unanswered': { severity: 'warning', doc: 'A show-when lets its element show before the question it reads is answered (a condition without `failWhenUndefined`).' },
  'rule-invalid': { severity: 'error', doc: 'A UI rule condition uses something the rule engine cannot evaluate.' },
  'computed-invalid': { severity: 'error', doc: 'A computed value refers to questions that do not exist, to computed values (a cycle), to unscored options, or has bands out of order, with gaps, overlaps or repeated codes, or is of the wrong type; `params.reason` says which.' },
  'version-bump-too-small': { severity: 'error', doc: 'The version number rose by less than the changes since the previous version require.' },
  // lint: options, labels and empty forms (issue 17)
  'option-code-duplicate': { severity: 'error', doc: 'Two options of one question share a code, so choosing either records the same answer.' },
  'option-label-duplicate': { severity: 'warning', doc: 'Two options of one question are worded alike (ignoring case and spacing).' },
  'option-reads-exclusive': { severity: 'warning', doc: 'An option of a multiple choice worded to rule out the others ("No one else") can be ticked with them.' },
  'label-empty': { severity: 'error', doc: 'A shown question, or one of its options, has an empty or blank label.' },
  'form-empty': { severity: 'error', doc: 'The form has no questions.' },
  'control-object': { severity: 'error', doc: 'A control is scoped to a whole object (a group of answers), which it cannot show; the object\'s questions need controls scoped into it.' },

  // lint: keys and text a person can trust (Unicode UTS #39 as the reference)
  'key-characters': { severity: 'warning', doc: 'A property name has characters outside A–Z, a–z, 0–9, `_` and `-` (JSON Forms splits paths on `.`, pointers escape `/` and `~`, hosts key on names).' },
  'key-invisible': { severity: 'error', doc: 'A property name or option value holds an invisible, control or bidirectional-control character, so two different names look the same.' },
  'key-markup': { severity: 'error', doc: 'A property name holds markup or quoting characters (`<`, `>`, `&`, quotes, backtick).' },
  'key-lookalike': { severity: 'error', doc: 'A property name or option value mixes Latin letters with look-alike letters of another script (a Cyrillic `а` in `visitDate`).' },
  'text-control': { severity: 'error', doc: 'A title, description, label, option title or translation holds a control character (NUL…) or a bidirectional embedding/override (U+202A–202E).' },
  'text-invisible': { severity: 'warning', doc: 'Shown text holds an invisible character (zero-width, format) or a bidirectional mark or isolate where its script does not need one.' },
  'text-lookalike': { severity: 'warning', doc: 'A word of shown text mixes Latin letters with look-alike letters of another script.' },

  // lint: questions no one can answer, and misspelt keywords
  'options-empty': { severity: 'error', doc: 'An `enum`, `oneOf` or `anyOf` with no entry: no answer can be given.' },
  'bounds-crossed': { severity: 'error', doc: 'A lower bound above its upper bound (`minimum`/`maximum` and their exclusive forms, `minLength`/`maxLength`, `minItems`/`maxItems`, `minProperties`/`maxProperties`): no answer can be given.' },
  'required-false': { severity: 'error', doc: 'A required question whose schema is `false`: it must be answered and no answer is allowed.' },
  'keyword-misspelt': { severity: 'error', doc: 'An unknown keyword close to a known one (`requird`, `maxLenght`, `titel`); the nearest known keyword is suggested. The validator\'s strict mode refuses it as it stands.' },

  // validating answers
  'answer-required': { severity: 'error', doc: 'A required question has no answer.' },
  'answer-type': { severity: 'error', doc: 'An answer has the wrong type.' },
  'answer-format': { severity: 'error', doc: 'An answer is not in the expected format (date, time, email…).' },
  'answer-option': { severity: 'error', doc: 'An answer is not one of the options.' },
  'answer-range': { severity: 'error', doc: 'A number is below the minimum or above the maximum.' },
  'answer-length': { severity: 'error', doc: 'A text answer is too short or too long.' },
  'answer-pattern': { severity: 'error', doc: 'A text answer does not match the expected pattern.' },
  'answer-items': { severity: 'error', doc: 'Too few or too many items chosen or added.' },
  'answer-hidden': { severity: 'error', doc: 'An answer to a question hidden by a rule or the safety check (never shown, so never part of a response).' },
  'answer-unknown': { severity: 'error', doc: 'An answer to a question the form does not have.' },
  'answer-computed': { severity: 'error', doc: 'A stored computed value (a count, sum, score total, band or count over items) differs from what the answers give.' },
  'answer-invalid': { severity: 'error', doc: 'An answer breaks a rule of the schema not covered by a more specific code.' },
  'validator-unsupported': { severity: 'error', doc: 'The schema uses something the validator cannot compile.' },

  // responses
  'response-invalid': { severity: 'error', doc: 'The response envelope does not match the response schema.' },
  'response-not-envelope': { severity: 'error', doc: 'A file given to `export` or `migrate` (or found in a folder given) is not a response envelope: bare answers, an expected-problems list, a report. It is listed and left out; nothing is invented for it.' },
  'response-form-mismatch': { severity: 'error', doc: 'The response was made against another form, version or content hash.' },
  // the response store (issue 20)
  'response-id-conflict': { severity: 'error', doc: 'Another response is already stored under this `responseId` (a retry of the same body is answered with the stored copy instead).' },
  'response-not-found': { severity: 'error', doc: 'No response is stored under this `responseId`.' },
  'response-reason-required': { severity: 'error', doc: 'A completed response is corrected, or reopened, only with a reason, which its history records.' },
  'response-unchanged': { severity: 'error', doc: 'The correction or status change would leave the stored response as it is, so no version is made.' },
  'response-query-invalid': { severity: 'error', doc: 'A filter or export parameter of the stored responses (`form`, `version`, `status`, `from`, `to`, `format`, `profile`) is not one the server knows; reported at `/<parameter>`, nothing guessed.' },
  'response-form-unpublished': { severity: 'error', doc: 'The store takes responses only to a published version whose file still has its recorded hash.' },

  // versions and migration
  'migration-not-carried': { severity: 'warning', doc: 'An answer could not be carried to the new version; it is kept in the report.' },
  'migration-now-required': { severity: 'warning', doc: 'The new version requires a question the response has not answered.' },
  'migration-reopened': { severity: 'warning', doc: 'A completed response was migrated to a version that requires answers it lacks, so it is in progress again.' },
} as const satisfies Record<string, ProblemCodeInfo>;

export type ProblemCode = keyof typeof problemCodes;

export function severityOf(code: ProblemCode): Severity {
  return problemCodes[code].severity;
}
