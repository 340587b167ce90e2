import type { i18n, TFunction } from 'i18next';
import { createI18nFrom, type Locale } from './locale.ts';
import daAccount from '../locales/da/account.json';
import daAuth from '../locales/da/auth.json';
import daBilling from '../locales/da/billing.json';
import daCommon from '../locales/da/common.json';
import daCourses from '../locales/da/courses.json';
import daErrors from '../locales/da/errors.json';
import daGrid from '../locales/da/grid.json';
import daImport from '../locales/da/import.json';
import daInvitations from '../locales/da/invitations.json';
import daMail from '../locales/da/mail.json';
import daMatches from '../locales/da/matches.json';
import daMatrix from '../locales/da/matrix.json';
import daOverview from '../locales/da/overview.json';
import daMembers from '../locales/da/members.json';
import daParticipants from '../locales/da/participants.json';
import daPeople from '../locales/da/people.json';
import daVolunteers from '../locales/da/volunteers.json';
import daMeetings from '../locales/da/meetings.json';
import daExpenses from '../locales/da/expenses.json';
import daSettings from '../locales/da/settings.json';
import daRegion from '../locales/da/region.json';
import daOffer from '../locales/da/offer.json';
import daProgrammes from '../locales/da/programmes.json';
import daWorkspace from '../locales/da/workspace.json';
import enAccount from '../locales/en/account.json';
import enAuth from '../locales/en/auth.json';
import enBilling from '../locales/en/billing.json';
import enCommon from '../locales/en/common.json';
import enCourses from '../locales/en/courses.json';
import enErrors from '../locales/en/errors.json';
import enGrid from '../locales/en/grid.json';
import enImport from '../locales/en/import.json';
import enInvitations from '../locales/en/invitations.json';
import enMail from '../locales/en/mail.json';
import enMatches from '../locales/en/matches.json';
import enMatrix from '../locales/en/matrix.json';
import enOverview from '../locales/en/overview.json';
import enMembers from '../locales/en/members.json';
import enParticipants from '../locales/en/participants.json';
import enPeople from '../locales/en/people.json';
import enVolunteers from '../locales/en/volunteers.json';
import enMeetings from '../locales/en/meetings.json';
import enExpenses from '../locales/en/expenses.json';
import enSettings from '../locales/en/settings.json';
import enRegion from '../locales/en/region.json';
import enOffer from '../locales/en/offer.json';
import enProgrammes from '../locales/en/programmes.json';
import enWorkspace from '../locales/en/workspace.json';

export * from './locale.ts';

/**
 * Every namespace in both languages: the one place a namespace is registered (one line per
 * language). The server uses them all; a browser page gets its own language's texts with the
 * root loader's data (`messagesOf`) and loads this module only when something needs the other
 * language, so no page's JavaScript carries the catalogues (docs/decisions/017).
 */
export const resources = {
  da: {
    common: daCommon,
    auth: daAuth,
    account: daAccount,
    errors: daErrors,
    invitations: daInvitations,
    mail: daMail,
    members: daMembers,
    grid: daGrid,
    import: daImport,
    volunteers: daVolunteers,
    participants: daParticipants,
    courses: daCourses,
    matrix: daMatrix,
    matches: daMatches,
    meetings: daMeetings,
    expenses: daExpenses,
    settings: daSettings,
    people: daPeople,
    overview: daOverview,
    region: daRegion,
    offer: daOffer,
    programmes: daProgrammes,
    billing: daBilling,
    workspace: daWorkspace,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    account: enAccount,
    errors: enErrors,
    invitations: enInvitations,
    mail: enMail,
    members: enMembers,
    grid: enGrid,
    import: enImport,
    volunteers: enVolunteers,
    participants: enParticipants,
    courses: enCourses,
    matrix: enMatrix,
    matches: enMatches,
    meetings: enMeetings,
    expenses: enExpenses,
    settings: enSettings,
    people: enPeople,
    overview: enOverview,
    region: enRegion,
    offer: enOffer,
    programmes: enProgrammes,
    billing: enBilling,
    workspace: enWorkspace,
  },
} as const;

export type Messages = (typeof resources)[Locale];

export const NAMESPACES = Object.keys(resources.da) as (keyof Messages)[];

/** One language's texts, every namespace: what the root loader sends to the page. */
export const messagesOf = (locale: Locale): Messages => resources[locale];

/** An i18next instance with both languages (server-side rendering, mail, tests). */
export const createI18n = (locale: Locale): i18n => createI18nFrom(locale, resources);

const translators = new Map<Locale, TFunction>();

/** A translator for server-side text (mail, logs shown to users). */
export function translate(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    translators.set(locale, t);
  }
  return t;
}
