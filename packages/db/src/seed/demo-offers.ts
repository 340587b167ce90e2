import type { Tx } from '../tx.ts';

/**
 * The demo workspaces' offer descriptions (decision 027), written as the initiatives in the
 * catalogue "Peer-støtte i Danmark" answer its questions. Frederiksberg and Hillerød have
 * published theirs to Region Hovedstaden; Recovery Lab's is a draft (and its partnership only
 * proposed), so the region's catalogue shows two offers.
 */
type DemoOffer = {
  slug: string;
  published: boolean;
  name: string;
  municipality?: string;
  startedYear: number;
  /** Column base name -> [Danish, English]; an empty English text shows the fallback. */
  texts: Record<string, [string, string | null]>;
  contact: { name: string; email: string; phone: string; website: string };
};

const DEMO_OFFERS: DemoOffer[] = [
  {
    slug: 'frederiksberg',
    published: true,
    name: 'Peer-støtte Frederiksberg',
    startedYear: 2017,
    texts: {
      purpose: [
        'Formål: At styrke recovery, fællesskab og mestring hos borgere med psykiske vanskeligheder.\n\nIndhold: Recovery-caféer, gå-hold og samtalegrupper ledet af frivillige peer-støttere, samt følgeskaber på op til seks måneder, hvor en peer-støtter og en borger mødes ugentligt.',
        'Purpose: To strengthen recovery, community and coping among citizens with mental health difficulties.\n\nContent: Recovery cafés, walking groups and conversation groups led by volunteer peer supporters, and companionships of up to six months in which a peer supporter and a citizen meet weekly.',
      ],
      peer_support: [
        'Peer-støtterne har selv levet med psykiske vanskeligheder og har været brugere af de offentlige tilbud. De kan tale ud fra egne erfaringer og møder borgeren menneske til menneske, på lige vilkår. Det giver håb og gør det lettere at tage de første skridt.',
        'The peer supporters have lived with mental health difficulties themselves and have used public services. They speak from their own experience and meet the citizen person to person, as equals. That gives hope and makes the first steps easier.',
      ],
      scope_note: [
        'Caféen holder åbent to eftermiddage om ugen; gå-holdet mødes hver onsdag.',
        'The café is open two afternoons a week; the walking group meets every Wednesday.',
      ],
      model: [
        'Recovery-orienteret praksis og Intentional Peer Support (IPS). Erfaringer fra kommunens egne peer-projekter siden 2017.',
        'Recovery-oriented practice and Intentional Peer Support (IPS). Experience from the municipality’s own peer projects since 2017.',
      ],
      supervision: [
        'Alle peer-støttere gennemfører et peer-uddannelsesforløb på 8 moduler. De får supervision en gang om måneden ved en psykolog og deltager i frivilligmøder hver måned.',
        'All peer supporters complete a peer education course of 8 modules. They receive supervision once a month from a psychologist and attend volunteer meetings every month.',
      ],
      access: [
        'Tilbuddet er for borgere over 18 år på Frederiksberg med psykiske vanskeligheder. Der kræves ingen visitation. Borgere henvises fra socialpsykiatrien og jobcentret eller henvender sig selv. Peer-støttere rekrutteres gennem annoncer, bruger- og pårørendeorganisationer og en samtale med koordinatoren.',
        'The offer is for citizens over 18 in Frederiksberg with mental health difficulties. No referral is needed. Citizens are referred by social psychiatry and the job centre or come on their own. Peer supporters are recruited through adverts, user and family organisations and an interview with the coordinator.',
      ],
      funding: [
        'Finansieret over kommunens driftsbudget (§ 104) med tilskud fra Region Hovedstadens puljemidler til og med 2027. Målet er varig drift.',
        'Funded by the municipality’s operating budget (section 104), with a grant from Region Hovedstaden’s pool until 2027. The aim is permanent operation.',
      ],
    },
    contact: {
      name: 'Karin Koordinator',
      email: 'peer@frederiksberg.example.dk',
      phone: '+45 38 21 00 00',
      website: 'https://www.frederiksberg.example.dk/peer',
    },
  },
  {
    slug: 'hilleroed',
    published: true,
    name: 'Recovery-café Hillerød',
    startedYear: 2020,
    texts: {
      purpose: [
        'Et uformelt mødested, hvor borgere med psykisk sårbarhed kan møde andre med lignende erfaringer, få en kop kaffe og deltage i aktiviteter.',
        'An informal meeting place where citizens with mental vulnerability meet others with similar experiences, have a cup of coffee and take part in activities.',
      ],
      peer_support: [
        'Caféen drives af frivillige med egne erfaringer. Støtten er gensidig og uden for »systemet«: man mødes som ligeværdige, og det gør det lettere at række ud.',
        null,
      ],
      model: ['Erfaringer fra recovery-caféer i andre kommuner og principperne i recovery-orienteret praksis.', null],
      supervision: [
        'De frivillige får introduktion, sparring med en koordinator hver måned og tilbud om kurser i samtaleteknik.',
        'The volunteers get an introduction, monthly guidance from a coordinator and courses in conversation skills.',
      ],
      access: [
        'Alle borgere i Hillerød over 18 år kan komme, uden henvisning. De frivillige rekrutteres blandt caféens brugere og gennem lokale foreninger.',
        'All citizens in Hillerød over 18 can come, without referral. The volunteers are recruited among the café’s users and through local associations.',
      ],
      funding: [
        'Finansieret af § 18-midler og kommunens budget. Fortsætter så længe midlerne rækker; kommunen vurderer varig drift i 2027.',
        null,
      ],
    },
    contact: {
      name: 'Hanne Hillerød',
      email: 'recoverycafe@hilleroed.example.dk',
      phone: '+45 72 32 00 00',
      website: 'https://www.hilleroed.example.dk/recoverycafe',
    },
  },
  {
    slug: 'recovery-lab',
    published: false,
    name: 'Recovery Lab – peer-mentorer',
    municipality: 'Københavns Kommune',
    startedYear: 2022,
    texts: {
      purpose: [
        'Peer-mentorer støtter unge mellem 18 og 30 år med psykiske vanskeligheder i at komme i gang med uddannelse eller job.',
        'Peer mentors support young people aged 18 to 30 with mental health difficulties in starting education or work.',
      ],
    },
    contact: {
      name: 'Recovery Lab',
      email: 'kontakt@recoverylab.example.dk',
      phone: '+45 33 00 00 00',
      website: 'https://recoverylab.example.dk',
    },
  },
];

export async function seedDemoOffers(tx: Tx, tenantIds: Map<string, string>): Promise<void> {
  for (const offer of DEMO_OFFERS) {
    const texts = Object.entries(offer.texts);
    const columns = texts.flatMap(([column]) => [`${column}_da`, `${column}_en`]);
    const values = texts.flatMap(([, [da, en]]) => [da, en]);
    const fixed = [
      'tenant_id',
      'name',
      'municipality',
      'started_year',
      'contact_name',
      'contact_email',
      'contact_phone',
      'website',
    ];
    const all = [...fixed, ...columns];
    await tx.query(
      `insert into public.offer_descriptions (${all.join(', ')}, published_at)
       values (${all.map((_, i) => `$${i + 1}`).join(', ')}, case when $${all.length + 1} then now() end)`,
      [
        tenantIds.get(offer.slug),
        offer.name,
        offer.municipality ?? null,
        offer.startedYear,
        offer.contact.name,
        offer.contact.email,
        offer.contact.phone,
        offer.contact.website,
        ...values,
        offer.published,
      ],
    );
  }
}
