/**
 * The four roles of issue 20. An account holds one or more (a small service's one data person may
 * also author forms); no role implies another, so each route names exactly whom it lets in.
 */
export const ROLES = ['policy-lead', 'practitioner', 'data-team', 'administrator'] as const;

export type Role = (typeof ROLES)[number];

/** What each role is for, as the CLI's usage and SECURITY.md say it. */
export const ROLE_DUTIES: Readonly<Record<Role, string>> = {
  'policy-lead': 'author and publish forms',
  practitioner: 'complete assessments, see their own drafts and submissions',
  'data-team': 'read and export stored responses, with profiles',
  administrator: 'manage accounts',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Account names: lower case, digits, `.`, `_`, `-`, up to 64 (the database checks the same). */
export function validUsername(name: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(name);
}
