import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// The API's error table: which status each error key answers with. Read here so that a key a
// migration raises cannot lack a status any more than a text.
import { ERROR_CODES } from '@brobygger/api/error-codes';
import { NAMESPACES, resources, type Locale } from '../src/index.ts';

/**
 * Every text a user sees must exist in Danish and in English, and every key the code asks for
 * must exist: i18next would otherwise show the raw key ("grid:save") on the page.
 */

type Catalogue = Record<string, unknown>;
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(node: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(node)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object')
      for (const [k, v] of leaves(value as Catalogue, name)) out.set(k, v);
    else out.set(name, String(value));
  }
  return out;
}

const catalogue = (locale: Locale, ns: (typeof NAMESPACES)[number]) => leaves(resources[locale][ns] as Catalogue);

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

describe('the Danish and English catalogues', () => {
  it.each(NAMESPACES)('%s has the same keys in both languages', (ns) => {
    expect([...catalogue('en', ns).keys()].sort()).toEqual([...catalogue('da', ns).keys()].sort());
  });

  it.each(NAMESPACES)('%s has no empty text and the same {{placeholders}} in both languages', (ns) => {
    const da = catalogue('da', ns);
    const en = catalogue('en', ns);
    for (const [key, text] of da) {
      expect(text.trim(), `da ${ns}:${key}`).not.toBe('');
      expect(en.get(key)?.trim(), `en ${ns}:${key}`).not.toBe('');
      expect(placeholders(en.get(key) ?? ''), `${ns}:${key}`).toEqual(placeholders(text));
    }
  });
});

// ---- keys used by the code -----------------------------------------------------------------

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCE_DIRS = ['app/app', 'packages/api/src', 'packages/auth/src', 'packages/mail/src', 'packages/db/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * Whether `ns:key` names a text, directly or through its plural forms, or a group of texts (the
 * option labels of a select column, a list read with returnObjects).
 */
function exists(ns: string, key: string): boolean {
  if (!(NAMESPACES as readonly string[]).includes(ns)) return false;
  const keys = [...catalogue('da', ns as (typeof NAMESPACES)[number]).keys()];
  return keys.some((k) => k === key || k.replace(PLURAL, '') === key || k.startsWith(`${key}.`));
}

const NS_LIST = NAMESPACES.join('|');
// A whole string literal that is a namespaced key: 'errors:required', "grid:save".
const QUALIFIED = new RegExp(`['"\`]((?:${NS_LIST}):[A-Za-z0-9_.]+)['"\`]`, 'g');
// t('key') with a plain literal: resolved in the namespaces the file asks useTranslation for.
const T_CALL = /\bt\(\s*['"]([A-Za-z0-9_.]+)['"]/g;
const USE_TRANSLATION = /useTranslation\(\s*(\[[^\]]*\]|['"][\w]+['"])?\s*\)/g;

function usedKeys() {
  const missing: string[] = [];
  let checked = 0;
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const [, full] of text.matchAll(QUALIFIED)) {
      const [ns, key] = [full!.slice(0, full!.indexOf(':')), full!.slice(full!.indexOf(':') + 1)];
      checked++;
      if (!exists(ns, key)) missing.push(`${where}: ${full}`);
    }
    const namespaces = new Set<string>(['common']);
    for (const [, arg] of text.matchAll(USE_TRANSLATION)) {
      for (const [, ns] of (arg ?? '').matchAll(/['"](\w+)['"]/g)) namespaces.add(ns!);
    }
    if (!/useTranslation\(/.test(text)) continue;
    for (const [, key] of text.matchAll(T_CALL)) {
      checked++;
      if (![...namespaces].some((ns) => exists(ns, key!)))
        missing.push(`${where}: t('${key}') in ${[...namespaces].join(', ')}`);
    }
  }
  return { missing, checked };
}

describe('the keys the code uses', () => {
  it('all exist in the catalogues', () => {
    const { missing, checked } = usedKeys();
    expect(checked).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });
});

// ---- keys the database raises ----------------------------------------------------------------

const MIGRATIONS = path.join(ROOT, 'supabase/migrations');
// `raise exception 'invitation_used' using errcode = 'P0001'`: the message is the key. Messages
// with spaces or placeholders ('unknown action: %') are for developers, not users.
const RAISE = /raise\s+exception\s+'([a-z0-9_]+)'/gi;

function raisedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql'))) {
    for (const [, key] of readFileSync(path.join(MIGRATIONS, file), 'utf8').matchAll(RAISE)) keys.set(key!, file);
  }
  return keys;
}

describe('the keys the database raises', () => {
  const raised = raisedKeys();

  it('are found (the scan reads the migrations)', () => {
    expect([...raised.keys()]).toEqual(
      expect.arrayContaining(['invitation_used', 'last_owner', 'partnership_not_found']),
    );
  });

  it('each has a text in both languages and a status in the API error table', () => {
    const missing = [...raised].flatMap(([key, file]) => [
      ...(['da', 'en'] as const)
        .filter((l) => !catalogue(l, 'errors').has(key))
        .map((l) => `${file}: errors:${key} (${l})`),
      ...(Object.hasOwn(ERROR_CODES, key) ? [] : [`${file}: ${key} has no status in ERROR_CODES`]),
    ]);
    expect(missing).toEqual([]);
  });

  it('every key in the API error table has a text', () => {
    expect(Object.keys(ERROR_CODES).filter((key) => !catalogue('da', 'errors').has(key))).toEqual([]);
  });
});
