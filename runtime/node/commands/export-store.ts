import { checkResponseAgainst, printable, type Definition, type Problem, type ResponseEnvelope } from '../../core/index';
import { describeLocation, openResponseStore, storeLocation, type ResponseStore } from '../store/index';
import type { CliIo } from './command';

/**
 * `export --from-store`: the form version's responses as the store holds them now (each at its
 * current version, sensitive answers opened with RESPONSES_KEY), through the same writers as
 * files. A stored response made against other content of the version is reported and left out,
 * as a file would be. The export is recorded in the store's audit once written.
 */
export async function openExportStore(io: CliIo): Promise<ResponseStore | undefined> {
  const env = io.env ?? process.env;
  const at = storeLocation(env, io.cwd);
  try {
    return await openResponseStore(at, { env, warn: (line) => io.err(`note: ${printable(line)}`) });
  } catch (e) {
    io.err(printable(`${describeLocation(at)}: error store-unavailable ${e instanceof Error ? e.message : String(e)}`));
    return undefined;
  }
}

export async function* storedResponses(
  store: ResponseStore,
  form: { definition: Definition; hashes: string[] },
  io: CliIo,
  state: { refused: number; exported: number },
): AsyncGenerator<ResponseEnvelope> {
  const { definition } = form;
  for await (const response of store.responses(definition.id, definition.version)) {
    const problems: Problem[] = checkResponseAgainst(definition, response, { sha256: form.hashes });
    if (problems.length) {
      for (const p of problems) io.err(printable(`store:${response.responseId} ${p.severity} ${p.code} ${p.message} (at ${p.path})`));
      state.refused++;
      continue;
    }
    state.exported++;
    yield response;
  }
}
