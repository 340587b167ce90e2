import { BILINGUAL_FIELDS, OFFER_LANGUAGES } from '@brobygger/api/offer';

/**
 * The offer form's fields are named by their path in the API's input (`sections.purpose.da`,
 * `contact.email`), so an error the schema reports at a path lands under the field of that name.
 */
export const fieldName = (...path: string[]) => path.join('.');

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : null;
};

/** The form as the API's offer input; the API's schema trims, checks and empties. */
export function offerFromForm(form: FormData) {
  const year = (text(form, 'startedYear') ?? '').trim();
  return {
    name: text(form, 'name') ?? '',
    municipality: text(form, 'municipality'),
    startedYear: year === '' ? null : Number(year),
    sections: Object.fromEntries(
      BILINGUAL_FIELDS.map((field) => [
        field,
        Object.fromEntries(OFFER_LANGUAGES.map((l) => [l, text(form, fieldName('sections', field, l))])),
      ]),
    ),
    contact: {
      name: text(form, 'contact.name'),
      email: text(form, 'contact.email'),
      phone: text(form, 'contact.phone'),
      website: text(form, 'contact.website'),
    },
  };
}

/** Issues by field name; a message that is not one of our keys becomes the general one. */
export function fieldErrorsByPath(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    (out[key] ??= []).push(issue.message.startsWith('errors:') ? issue.message : 'errors:invalid_input');
  }
  return out;
}
