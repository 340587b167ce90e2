import type { Action, Grant } from '@brobygger/api/permissions';
import type { TenantKind } from '@brobygger/api/roles';
import { NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

type Permissions = Readonly<Partial<Record<Action, Grant>>>;

/**
 * The workspace's sections. The daily work is on one line; the workspace's own administration
 * (members, settings, the access log) sits behind one "Workspace" menu, so the header stays one
 * line on a laptop and the grid keeps its rows. Sections the role cannot use are not offered:
 * a peer reaches participants through their own courses and matches, not through the rosters.
 */
export function WorkspaceNav({
  base,
  permissions,
  kind,
  runsActivities,
}: {
  base: string;
  permissions: Permissions;
  kind: TenantKind;
  /** A region that only funds and follows has no rosters to offer (decision 026). */
  runsActivities: boolean;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const readsRosters = permissions['roster.read'] === 'all' && runsActivities;
  const region = kind === 'region';
  const admin = [
    { to: `${base}/members`, label: t('nav.members'), shown: true },
    // A partner's owners and admins answer regions here; every member may still open the page.
    {
      to: `${base}/partners`,
      label: t('region:nav.partners'),
      shown: !region && permissions['partnerships.manage'] === 'all',
    },
    { to: `${base}/settings`, label: t('nav.settings'), shown: permissions['settings.manage'] === 'all' },
    // A region is the catalogue's reader, not one of its offers (decision 027).
    { to: `${base}/offer`, label: t('offer:nav.offer'), shown: kind !== 'region' },
    { to: `${base}/billing`, label: t('nav.billing'), shown: permissions['billing.manage'] === 'all' },
    {
      to: `${base}/access-log`,
      label: t('nav.accessLog'),
      shown: permissions['participants.readAccessLog'] === 'all',
    },
  ].filter((link) => link.shown);
  const inAdmin = admin.some((link) => pathname.startsWith(link.to));
  return (
    <nav aria-label={t('nav.main')}>
      {region ? (
        <>
          <NavLink to={`${base}/dashboard`}>{t('region:nav.dashboard')}</NavLink>
          <NavLink to={`${base}/partners`}>{t('region:nav.partners')}</NavLink>
          <NavLink to={`${base}/catalogue`}>{t('offer:nav.catalogue')}</NavLink>
        </>
      ) : null}
      {region && !runsActivities ? null : (
        // A region opens on its dashboard; its own overview is asked for by name.
        <NavLink to={region ? `${base}?view=own` : base} end>
          {t('nav.overview')}
        </NavLink>
      )}
      {readsRosters ? <NavLink to={`${base}/volunteers`}>{t('nav.volunteers')}</NavLink> : null}
      {readsRosters ? <NavLink to={`${base}/participants`}>{t('nav.participants')}</NavLink> : null}
      {runsActivities ? (
        <>
          <NavLink to={`${base}/courses`}>{t('nav.courses')}</NavLink>
          <NavLink to={`${base}/matches`}>{t('nav.matches')}</NavLink>
          <NavLink to={`${base}/meetings`}>{t('nav.meetings')}</NavLink>
          <NavLink to={`${base}/expenses`}>{t('nav.expenses')}</NavLink>
          {permissions['programmes.read'] === 'all' ? (
            <NavLink to={`${base}/programmes`}>{t('nav.programmes')}</NavLink>
          ) : null}
        </>
      ) : null}
      {/* Keyed on the path: a link followed inside the menu closes it. */}
      <details className="nav-menu" key={pathname}>
        <summary className={inAdmin ? 'active' : undefined}>{t('nav.workspace')}</summary>
        <div className="nav-menu-items">
          {admin.map((link) => (
            <NavLink key={link.to} to={link.to}>
              {link.label}
            </NavLink>
          ))}
        </div>
      </details>
    </nav>
  );
}
