import { contentHash, migrateResponse, type Definition, type MigrationReport, type ResponseEnvelope } from '../../core/index';
import type { Draft } from '../storage/types';

/**
 * A draft of one version moved to another with core's `migrateResponse` (answers carried by
 * export code), and the report of what was and was not carried. The moved draft starts on the
 * first section: the sections of the new version are not the old ones.
 * @public
 */
export function migrateDraft(draft: Draft, from: Definition, to: Definition): { draft: Draft; report: MigrationReport } {
  const response: ResponseEnvelope = {
    responseId: draft.responseId,
    form: { id: from.id, version: from.version, sha256: draft.sha256 },
    status: 'in-progress',
    startedAt: draft.startedAt,
    updatedAt: draft.updatedAt,
    completedAt: null,
    answers: draft.answers,
  };
  const { response: moved, report } = migrateResponse(response, from, to, { fromHash: draft.sha256 });
  return {
    draft: { ...draft, version: to.version, sha256: contentHash(to), answers: moved.answers, section: 0, updatedAt: new Date().toISOString() },
    report,
  };
}
