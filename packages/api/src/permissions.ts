import { MEMBERSHIP_ROLES, type MembershipRole } from './roles.ts';

/**
 * What each role may do, named once. The API checks these before it touches the database, the UI
 * reads them to decide what to show, and the SQL helpers `app.action_roles` / `app.tenants_where`
 * (migration `permissions`) hold the same table for the policies; a test fails when the two differ.
 *
 * `roles` may do the action on every row of the workspace. `ownRoles` may do it only on rows linked
 * to themselves (a peer on their own course or match); the policy says which rows those are.
 *
 * Browser-safe: no imports beyond the role names, so the UI can use it through
 * `@brobygger/api/permissions`.
 */
type Rule = {
  readonly roles: readonly MembershipRole[];
  readonly ownRoles?: readonly MembershipRole[];
  /**
   * Whether the action changes the workspace: refused while the workspace is read-only (closed,
   * suspended, and later billing's lock; decision 028). Required, so each new action is classified.
   */
  readonly writes: boolean;
};

const EVERYONE = MEMBERSHIP_ROLES;
const MANAGERS = ['owner', 'admin'] as const;
const EDITORS = ['owner', 'admin', 'coordinator'] as const;
const READERS = ['owner', 'admin', 'coordinator', 'viewer'] as const;

export const ACTIONS = {
  'workspace.read': { roles: EVERYONE, writes: false },
  'workspace.manage': { roles: MANAGERS, writes: true },
  'members.read': { roles: EVERYONE, writes: false },
  'members.manage': { roles: MANAGERS, writes: true },
  'members.manageOwners': { roles: ['owner'], writes: true },
  // Closing the workspace and reopening it during the wait (decision 028); reopening must work
  // while it is read-only, so this does not count as a write.
  'workspace.close': { roles: ['owner'], writes: false },
  'roster.read': { roles: READERS, writes: false },
  'roster.edit': { roles: EDITORS, writes: true },
  // Participants in full (contact, birth year, note); viewers see a summary (decision 015).
  'participants.read': { roles: EDITORS, writes: false },
  'volunteers.directory': { roles: ['peer'], writes: false },
  // Peers see only the courses they facilitate (issue 8; decision 018 replaces 011 on this).
  'courses.read': { roles: READERS, ownRoles: ['peer'], writes: false },
  'courses.edit': { roles: EDITORS, ownRoles: ['peer'], writes: true },
  'attendance.record': { roles: EDITORS, ownRoles: ['peer'], writes: true },
  'matches.read': { roles: READERS, ownRoles: ['peer'], writes: false },
  'matches.logMeeting': { roles: EDITORS, ownRoles: ['peer'], writes: true },
  // Volunteer meetings and their minutes: written for the volunteers who were absent, so all read them.
  'meetings.read': { roles: EVERYONE, writes: false },
  'meetings.edit': { roles: EDITORS, writes: true },
  // A peer reads and enters their own expenses, and changes them until a coordinator decides.
  'expenses.read': { roles: READERS, ownRoles: ['peer'], writes: false },
  'expenses.submit': { roles: EDITORS, ownRoles: ['peer'], writes: true },
  'expenses.approve': { roles: EDITORS, writes: true },
  // Programmes, their goals and funder reports (decision 025): a peer has no say in funding.
  'programmes.read': { roles: READERS, writes: false },
  'programmes.manage': { roles: EDITORS, writes: true },
  // The workspace's settings page (the per-km rate and what comes after it).
  'settings.manage': { roles: MANAGERS, writes: true },
  'partnerships.manage': { roles: MANAGERS, writes: true },
  // Not a write: paying is how a workspace that billing made read-only becomes writable again.
  'billing.manage': { roles: MANAGERS, writes: false },
  // The workspace's description of its offer (decision 027): every member reads it, the daily
  // editors write and publish it to the workspace's regions.
  'offer.read': { roles: EVERYONE, writes: false },
  'offer.edit': { roles: EDITORS, writes: true },
  // The change history of rows (the audit trail), shown on a person's page (decision 022).
  'audit.read': { roles: EDITORS, writes: false },
  // Who read which participants: the data controller's view, so owners only.
  'participants.readAccessLog': { roles: ['owner'], writes: false },
  // A person's data as a file, and their erasure: those who answer a data subject's request for
  // the organisation (decision 024).
  'people.export': { roles: MANAGERS, writes: false },
  'people.erase': { roles: MANAGERS, writes: true },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** 'all': every row of the workspace; 'own': only rows linked to the caller; false: none. */
export type Grant = 'all' | 'own' | false;

export function grantOf(role: MembershipRole, action: Action): Grant {
  const rule: Rule = ACTIONS[action];
  if (rule.roles.includes(role)) return 'all';
  if (rule.ownRoles?.includes(role)) return 'own';
  return false;
}

/** Whether the role may do the action on any row of the workspace ('own' is not enough). */
export const can = (role: MembershipRole, action: Action): boolean => grantOf(role, action) === 'all';

/** Whether `action` changes the workspace, so that a read-only workspace refuses it. */
export const writes = (action: Action): boolean => ACTIONS[action].writes;

/**
 * Everything a role may do, as the API hands it to the UI. In a read-only workspace nothing that
 * writes is granted, so every page that asks switches its editing off (decision 028).
 */
export function permissionsOf(role: MembershipRole, { readOnly = false } = {}): Record<Action, Grant> {
  return Object.fromEntries(
    ACTION_NAMES.map((action) => [action, readOnly && writes(action) ? false : grantOf(role, action)]),
  ) as Record<Action, Grant>;
}
