/** Local accounts, roles and sessions (issue 20 point 4). */
export { AccountStore, sameToken, SESSION_SECONDS, SESSION_IDLE_SECONDS, type Account, type NewSession, type Session } from './account-store';
export { DEFAULT_SCRYPT, hashPassword, newPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword, type ScryptParams } from './password';
export { isRole, ROLE_DUTIES, ROLES, validUsername, type Role } from './roles';
export { openAccountStore } from './open';
