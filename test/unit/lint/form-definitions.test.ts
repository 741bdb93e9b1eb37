import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from '../../../runtime/node/commands/lint';

const root = resolve(__dirname, '../../..');
const folder = join(root, 'form-definitions');

function definitionFiles(): string[] {
  let forms: string[] = [];
  try {
    forms = readdirSync(folder).filter((name) => statSync(join(folder, name)).isDirectory());
  } catch {
    return [];
  }
  return forms.flatMap((form) => readdirSync(join(folder, form)).filter((f) => f.endsWith('.json')).map((f) => `form-definitions/${form}/${f}`));
}

describe('every shipped definition', () => {
  const files = definitionFiles();

  // Each file is linted exactly as `assessment-studio lint` does: folder, file name, published record, previous version.
  it.each(files.length ? files : ['(none yet)'])('%s lints clean', async (file) => {
    if (file === '(none yet)') return;
    const { problems, files: checked } = await lintFiles([file], root);
    expect(checked).toBe(1);
    expect(problems).toEqual([]);
  });

  it.skipIf(files.length === 0)('the whole folder lints clean, published.json included', async () => {
    const { problems } = await lintFiles(['form-definitions'], root);
    expect(problems).toEqual([]);
  });
});
