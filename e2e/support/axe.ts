import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * axe-core checks for the end-to-end tests: WCAG 2.1 A and AA plus axe's best practices, on the
 * whole page, AG Grid's markup included. A page passes when axe finds no serious or critical
 * violation; lesser findings are attached to the test as annotations (they show in the report
 * without failing it).
 *
 * No rule is switched off. Should AG Grid's own markup ever break a rule that neither its options
 * nor our CSS can fix, exclude that rule for that grid selector only (a second, rule-scoped
 * AxeBuilder with `.withRules([rule]).exclude(selector)`), with a comment saying why; never
 * disable a rule for the whole page.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** A violation as a reader of the test output needs it: rule, impact, where, and how to fix it. */
function describe(v: Violation): string {
  const where = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n');
  const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
  return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${where}${more}`;
}

/**
 * Runs axe on the page as it is now and fails on serious or critical violations. `state` names
 * what the page shows (e.g. "volunteers, editing, with an error"), for the messages.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  for (const v of violations.filter((x) => !BLOCKING.has(x.impact ?? ''))) {
    testInfo.annotations.push({ type: `axe ${v.impact ?? 'minor'}`, description: `${state}: ${describe(v)}` });
  }
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  // Soft, so that one run reports every state's findings, not only the first one's.
  expect.soft(blocking.map(describe), `serious or critical axe violations on ${state}`).toEqual([]);
}
