import type { Action, Grant } from '@brobygger/api/permissions';
import { NavLink, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

type Permissions = Readonly<Partial<Record<Action, Grant>>>;

/**
 * The workspace's sections. The daily work is on one line; the workspace's own administration
 * (members, settings, the access log) sits behind one "Workspace" menu, so the header stays one
 * line on a laptop and the grid keeps its rows. Sections the role cannot use are not offered:
 * a peer reaches participants through their own courses and matches, not through the rosters.
 */
export function WorkspaceNav({ base, permissions }: { base: string; permissions: Permissions }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const readsRosters = permissions['roster.read'] === 'all';
  const admin = [
    { to: `${base}/members`, label: t('nav.members'), shown: true },
    { to: `${base}/settings`, label: t('nav.settings'), shown: permissions['settings.manage'] === 'all' },
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
      <NavLink to={base} end>
        {t('nav.overview')}
      </NavLink>
      {readsRosters ? <NavLink to={`${base}/volunteers`}>{t('nav.volunteers')}</NavLink> : null}
      {readsRosters ? <NavLink to={`${base}/participants`}>{t('nav.participants')}</NavLink> : null}
      <NavLink to={`${base}/courses`}>{t('nav.courses')}</NavLink>
      <NavLink to={`${base}/matches`}>{t('nav.matches')}</NavLink>
      <NavLink to={`${base}/meetings`}>{t('nav.meetings')}</NavLink>
      <NavLink to={`${base}/expenses`}>{t('nav.expenses')}</NavLink>
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
