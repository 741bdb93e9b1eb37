import { openMigrated, type StoreLocation } from '../store/open';
import { AccountStore } from './account-store';

/**
 * The accounts alone, for the command line: the same database as the responses, migrated, but no
 * RESPONSES_KEY needed (no answer is read). `close` ends the connection.
 */
export async function openAccountStore(at: StoreLocation): Promise<{ accounts: AccountStore; close(): Promise<void> }> {
  const db = await openMigrated(at);
  return { accounts: new AccountStore(db), close: () => db.close() };
}
