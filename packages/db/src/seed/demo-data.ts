/**
 * Demo workspaces modelled on the programmes in shared/seeds (Frederiksberg's peer-support project
 * funded by Region Hovedstaden, Recovery Lab's volunteer peers, Hillerød's "Ud i livet").
 * Every person is invented, and so are the CVR and EAN numbers (with valid check digits, see
 * packages/api/src/validation/danish-ids.ts).
 */
export const DEMO_PASSWORD = 'brobygger-demo';

export type DemoTenant = {
  slug: string;
  name: string;
  kind: 'municipality' | 'association' | 'region';
  cvr?: string;
  ean?: string;
};

export const DEMO_TENANTS: DemoTenant[] = [
  { slug: 'frederiksberg', name: 'Frederiksberg Kommune', kind: 'municipality', cvr: '11223346', ean: '5798000000018' },
  { slug: 'recovery-lab', name: 'Recovery Lab', kind: 'association', cvr: '22334468' },
  { slug: 'hilleroed', name: 'Hillerød Kommune', kind: 'municipality', cvr: '33445563', ean: '5798000000025' },
  { slug: 'region-hovedstaden', name: 'Region Hovedstaden', kind: 'region', cvr: '44556677', ean: '5798000000032' },
];

export type DemoUser = {
  email: string;
  name: string;
  what: string;
  memberships: { slug: string; role: 'owner' | 'admin' | 'coordinator' | 'peer' | 'viewer' }[];
  /** Opens the operator's console at /operator (decision 028). */
  operator?: true;
};

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'mette@demo.brobygger.dk',
    name: 'Mette Kjær',
    what: 'owner of Frederiksberg Kommune and Recovery Lab',
    memberships: [
      { slug: 'frederiksberg', role: 'owner' },
      { slug: 'recovery-lab', role: 'owner' },
    ],
  },
  {
    email: 'jonas@demo.brobygger.dk',
    name: 'Jonas Holm',
    what: 'admin in Frederiksberg Kommune',
    memberships: [{ slug: 'frederiksberg', role: 'admin' }],
  },
  {
    email: 'sara@demo.brobygger.dk',
    name: 'Sara Lindqvist',
    what: 'coordinator in Frederiksberg Kommune',
    memberships: [{ slug: 'frederiksberg', role: 'coordinator' }],
  },
  {
    email: 'ali@demo.brobygger.dk',
    name: 'Ali Demir',
    what: 'volunteer peer in Frederiksberg Kommune',
    memberships: [{ slug: 'frederiksberg', role: 'peer' }],
  },
  {
    email: 'birgitte@demo.brobygger.dk',
    name: 'Birgitte Munk',
    what: 'viewer in Frederiksberg Kommune',
    memberships: [{ slug: 'frederiksberg', role: 'viewer' }],
  },
  {
    email: 'henrik@demo.brobygger.dk',
    name: 'Henrik Dahl',
    what: 'owner of Hillerød Kommune',
    memberships: [{ slug: 'hilleroed', role: 'owner' }],
  },
  {
    email: 'lene@demo.brobygger.dk',
    name: 'Lene Vestergaard',
    what: 'region member (admin) in Region Hovedstaden',
    memberships: [{ slug: 'region-hovedstaden', role: 'admin' }],
  },
  {
    email: 'karen@demo.brobygger.dk',
    name: 'Karen Bech',
    what: 'owner of Region Hovedstaden',
    memberships: [{ slug: 'region-hovedstaden', role: 'owner' }],
  },
  {
    email: 'drift@demo.brobygger.dk',
    name: 'Olivia Drift',
    what: "operator: the operator's console at /operator, no workspace",
    memberships: [],
    operator: true,
  },
];

export const DEMO_PARTNERSHIPS: { region: string; partner: string; status: 'proposed' | 'active' }[] = [
  { region: 'region-hovedstaden', partner: 'frederiksberg', status: 'active' },
  { region: 'region-hovedstaden', partner: 'hilleroed', status: 'active' },
  { region: 'region-hovedstaden', partner: 'recovery-lab', status: 'proposed' },
];
