import { can, grantOf } from '../permissions.ts';
import type { MembershipRole } from '../roles.ts';
import { peopleTodo, type OverviewQuery } from './overview-section.ts';

/**
 * The volunteers' side of the overview: the life-cycle counts and the three to-dos about them.
 * Those who read the volunteer roster see these (peers do not: they see only the directory).
 */
const readsVolunteers = (role: MembershipRole) => grantOf(role, 'roster.read') === 'all';

/** An applicant waits for an intake until one is held: none booked, or booked for a later day. */
const WAITING_FOR_INTAKE = `x.status = 'applicant' and (x.intake_on is null or x.intake_on > $4::date)`;
/** Agreements and record checks are needed by those who volunteer now, paused or not. */
const SERVING = `x.status in ('active', 'paused')`;
const VOLUNTEERS = 'public.volunteers';
const IN_WORKSPACE = 'x.tenant_id = $1';

export const volunteerFigures: OverviewQuery = {
  key: 'volunteers',
  shownTo: readsVolunteers,
  sql: () => `(
    select json_build_object(
      'active', count(*) filter (where x.status = 'active'),
      'paused', count(*) filter (where x.status = 'paused'),
      'waitingForIntake', count(*) filter (where ${WAITING_FOR_INTAKE}))
    from public.volunteers x where ${IN_WORKSPACE})`,
};

export const missingConfidentiality: OverviewQuery = {
  key: 'todos.missingConfidentiality',
  shownTo: readsVolunteers,
  sql: peopleTodo(VOLUNTEERS, `${IN_WORKSPACE} and ${SERVING} and x.confidentiality_signed_on is null`),
};

/** Missing, or older than the workspace's renewal period (tenants.record_check_renewal_months). */
export const recordCheckDue: OverviewQuery = {
  key: 'todos.recordCheckDue',
  shownTo: readsVolunteers,
  sql: peopleTodo(
    VOLUNTEERS,
    `${IN_WORKSPACE} and ${SERVING} and (x.record_check_on is null or x.record_check_on <= $4::date - make_interval(months =>
      (select t.record_check_renewal_months from public.tenants t where t.id = $1)))`,
  ),
};

export const waitingForIntake: OverviewQuery = {
  key: 'todos.waitingForIntake',
  shownTo: readsVolunteers,
  sql: peopleTodo(VOLUNTEERS, `${IN_WORKSPACE} and ${WAITING_FOR_INTAKE}`),
};

/** The workspace's renewal period, which the record-check to-do names. */
export const recordCheckRenewalMonths: OverviewQuery = {
  key: 'recordCheckRenewalMonths',
  shownTo: readsVolunteers,
  sql: () => '(select t.record_check_renewal_months from public.tenants t where t.id = $1)',
};

/** Whether a role is shown who a to-do is about, or only how many (viewers: aggregates only). */
export const seesNames = (role: MembershipRole) => can(role, 'roster.edit');
