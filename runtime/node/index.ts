/**
 * The headless API: what the command line does, as functions for a Node host (a case-management
 * system's server, a CI script, the builder's local server). Each returns problems as values (the
 * `Problem`s of runtime/core, located in their file) and prints nothing. This is the one file other
 * areas import from runtime/node (test/unit/layering.test.ts holds them to it).
 */
export { runCommand } from './run';
export type { CliIo } from './commands/command';
export { lintFiles, problemLine, type FileProblem } from './commands/lint';
export { loadDefinitionFile, validateResponseFile, validateLine } from './commands/validate';
export { publishFile, type PublishOutcome } from './commands/publish';
export { diffReport, diffText, type DiffReport } from './commands/diff';
export { standaloneValidatorModule, tryStandaloneValidatorModule } from './standalone';
export { writeFileAtomic, syncFolder, isTempName } from './atomicWrite';
export { withPublishLock, PublishLockTimeoutError, type PublishLockOptions } from './publishLock';
export {
  openResponseStore, storeLocation, describeLocation, checkSubmission, parseSubmission, ResponseStore, SealError, SchemaRefusedError, MAKE_KEY,
  type StoreLocation, type StoreOutcome, type StoredResponse, type AuditEntry,
} from './store/index';
export { isDay, type ResponseFilter, type ResponseSummary } from './store/index';
export {
  AccountStore, openAccountStore, isRole, ROLES, ROLE_DUTIES, sameToken, SESSION_SECONDS, SESSION_IDLE_SECONDS, validUsername,
  type Account, type NewSession, type Role, type Session,
} from './accounts/index';
export { storeMayExist } from './store/index';
