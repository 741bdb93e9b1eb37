/** The response store (issue 20): one `ResponseStore` on PGlite or a PostgreSQL server. */
export { ResponseStore, type AuditEntry, type AuditAction, type StoredResponse, type StoreOutcome, type StoreRefusal, type Actor, type ChangeOptions } from './response-store';
export { openResponseStore, storeLocation, storeMayExist, storeStatus, migrateStore, describeLocation, openDriver, type StoreLocation } from './open';
export { chooseKey, MAKE_KEY, newKeyText } from './key';
export { SealError, sealerFor, type Sealer } from './seal';
export { SchemaRefusedError, migrate, schemaStatus, type SchemaStatus } from './migrate';
export { migrations, sequenceProblems } from './migrations/index';
export type { SqlDriver } from './driver';
export { applyPatch, diffPatch, type PatchOp } from './json-patch';
export { checkSubmission, parseSubmission, type Checked } from './submission';
export { isDay, type ResponseFilter, type ResponseSummary } from './listing';
