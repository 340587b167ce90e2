import type { ProgrammeFields } from '@brobygger/api/programmes-report';

/**
 * Reading the programme forms: blank means "not given"; anything else goes to the API's checks as
 * typed, so a wrong value comes back as that field's translated message. Amounts may be typed as
 * they are written in an application ("415.686", "415,686 kr.").
 */
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const optional = (form: FormData, name: string) => text(form, name) || null;

function amount(form: FormData, name: string): number | string | null {
  const typed = text(form, name);
  if (!typed) return null;
  const digits = typed.replace(/kr\.?|dkk|[\s.,]/gi, '');
  return /^\d+$/.test(digits) ? Number(digits) : typed;
}

/** Typed as the API's input; the API's schema checks what was actually typed. */
export function programmeFieldsOf(form: FormData): ProgrammeFields {
  return {
    name: text(form, 'name'),
    funderKind: text(form, 'funderKind'),
    funderName: optional(form, 'funderName'),
    funderTenantId: optional(form, 'funderTenantId'),
    grantAmount: amount(form, 'grantAmount'),
    totalBudget: amount(form, 'totalBudget'),
    startsOn: text(form, 'startsOn'),
    endsOn: text(form, 'endsOn'),
  } as unknown as ProgrammeFields;
}

/** "40-50", "40–50" or "40": the low and high end of a target, or null when it reads as neither. */
export function parseTarget(typed: string): { targetMin: number; targetMax: number | null } | null {
  const m = /^\s*(\d{1,7})\s*(?:[-–]\s*(\d{1,7}))?\s*$/.exec(typed);
  if (!m) return null;
  return { targetMin: Number(m[1]), targetMax: m[2] === undefined ? null : Number(m[2]) };
}
