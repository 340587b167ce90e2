// The API's own schema, so that the form says what the procedure would refuse, field by field.
import { ZCreateWorkspaceInput } from '@brobygger/api/workspace-schemas';
import type { Locale } from '@brobygger/i18n';
import { z } from 'zod';
import type { NewWorkspaceValues } from '../components/workspace/new-workspace-fields.tsx';

type Api = { workspaces: { slugStatus(input: { slug: string }): Promise<'malformed' | 'taken' | 'available'> } };

export type WorkspaceForm =
  | { ok: true; workspace: z.output<typeof ZCreateWorkspaceInput> }
  | { ok: false; fieldErrors: Record<string, string[] | undefined>; values: NewWorkspaceValues };

/**
 * The workspace fields of the sign-up and "new workspace" forms, checked as the API will check
 * them, plus whether the address is still free, so a taken address is said beside its field and
 * not only when the workspace is created (which checks again, atomically).
 */
export async function readWorkspaceForm(form: FormData, locale: Locale, api: Api): Promise<WorkspaceForm> {
  const field = (name: string) => String(form.get(name) ?? '');
  const values: NewWorkspaceValues = {
    name: field('name').slice(0, 200),
    kind: field('kind'),
    slug: field('slug').slice(0, 60),
    cvr: field('cvr').slice(0, 20),
    ean: field('ean').slice(0, 20),
  };
  const parsed = ZCreateWorkspaceInput.safeParse({
    ...values,
    ean: values.kind === 'association' ? '' : values.ean,
    locale,
  });
  const fieldErrors: Record<string, string[] | undefined> = parsed.success
    ? {}
    : keysOf(z.flattenError(parsed.error).fieldErrors);
  if (!fieldErrors.slug && (await api.workspaces.slugStatus({ slug: values.slug ?? '' })) === 'taken') {
    fieldErrors.slug = ['errors:slug_taken'];
  }
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values };
  return { ok: true, workspace: parsed.data };
}

/** Our schemas' messages are i18n keys; zod's own (a kind that is not one) become the general one. */
const keysOf = (errors: Record<string, string[] | undefined>) =>
  Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [
      field,
      messages?.map((m) => (m.startsWith('errors:') ? m : 'errors:invalid_input')),
    ]),
  );
