// A host imports these from 'assessment-studio'; the examples build from source.
import type { Definition, ValidateFunction } from '../index';
import raw from './example-definition.json';
// The example form's validator, compiled ahead of time (vite.lib.config.ts runs
// runtime/node/standalone at build time): the host validates without eval, under a strict CSP.
import { validate } from 'virtual:example-validator';
import '../styles.css';
import './example.css';

export const definition = raw as unknown as Definition;
export const validator = validate as unknown as ValidateFunction;

/** Writes what the host received into the page, for people trying the example (and the tests). */
export function log(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  document.getElementById('events')!.append(li);
}
