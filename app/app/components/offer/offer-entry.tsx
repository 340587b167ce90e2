import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { readOffer, type ReadableOffer, type ReadText, type Translate } from './read-offer.ts';
import './offer.css';

/**
 * One offer as the catalogue shows it, in the reader's language. A text written only in the other
 * language is shown with a note saying so, and marked with its language for screen readers.
 * `headingLevel`: the offer's name is a heading one below its group's.
 */
export function OfferEntry({
  offer,
  headingLevel = 3,
  showMunicipality = true,
}: {
  offer: ReadableOffer;
  headingLevel?: 2 | 3 | 4;
  /** Off where the entry already sits under its municipality's heading. */
  showMunicipality?: boolean;
}) {
  const { t } = useTranslation('offer');
  const locale = useLocale();
  const read = readOffer(offer, locale, t as Translate);
  const Name = `h${headingLevel}` as const;
  const Part = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5';
  return (
    <article className="offer-entry">
      <Name className="offer-entry-name">{read.name}</Name>
      {showMunicipality && read.municipality ? <p className="offer-entry-place muted">{read.municipality}</p> : null}
      {read.parts.map((part) => (
        <section key={part.part} className="offer-entry-part">
          <Part>{part.heading}</Part>
          {part.figures ? <Figures figures={part.figures} /> : null}
          <PartText text={part.text} empty={part.figures ? null : t('entry.notWritten')} />
        </section>
      ))}
      {read.contact.length > 0 ? (
        <section className="offer-entry-part">
          <Part>{t('entry.contact')}</Part>
          <ContactList contact={offer.contact} />
        </section>
      ) : null}
    </article>
  );
}

/** Figures as label and value; the value is read first, as a figure is read on a dashboard. */
export function Figures({ figures }: { figures: { label: string; value: string }[] }) {
  return (
    <dl className="offer-figures">
      {figures.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The contact for the public, one per line, with e-mail and website as links. */
function ContactList({ contact }: { contact: ReadableOffer['contact'] }) {
  return (
    <ul className="offer-contact">
      {contact.name ? <li>{contact.name}</li> : null}
      {contact.email ? (
        <li>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </li>
      ) : null}
      {contact.phone ? <li>{contact.phone}</li> : null}
      {contact.website ? (
        <li>
          <a href={contact.website} rel="noopener noreferrer">
            {contact.website}
          </a>
        </li>
      ) : null}
    </ul>
  );
}

function PartText({ text, empty }: { text: ReadText; empty: string | null }) {
  const { t } = useTranslation('offer');
  if (!text) return empty ? <p className="muted">{empty}</p> : null;
  if (!text.otherLanguage) return <p className="offer-text">{text.text}</p>;
  return (
    <>
      <p className="offer-fallback">{t(`fallback.${text.otherLanguage}`)}</p>
      <p className="offer-text" lang={text.otherLanguage}>
        {text.text}
      </p>
    </>
  );
}
