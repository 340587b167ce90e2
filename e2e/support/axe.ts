import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * axe-core checks for the end-to-end tests: WCAG 2.1 A and AA plus axe's best practices. A page
 * passes when axe finds no serious or critical violation; lesser findings are attached to the test
 * as annotations, so they show in the report without failing it.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * A rule switched off for AG Grid's own markup only, never for the rest of the page. Each entry
 * says why it cannot be fixed through the grid's options or our CSS.
 */
type GridException = { rule: string; selector: string; why: string };

const GRID_EXCEPTIONS: readonly GridException[] = [];

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(v: Violation): string {
  const where = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n');
  const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : '';
  return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${where}${more}`;
}

/** Every rule, except the excepted ones, on the whole page. */
async function analyzeAll(page: Page) {
  const builder = new AxeBuilder({ page }).withTags(TAGS);
  const excepted = [...new Set(GRID_EXCEPTIONS.map((e) => e.rule))];
  return (excepted.length ? builder.disableRules(excepted) : builder).analyze();
}

/** The excepted rules, each on the whole page but for the AG Grid markup it is excepted for. */
async function analyzeExcepted(page: Page) {
  const violations: Violation[] = [];
  for (const rule of new Set(GRID_EXCEPTIONS.map((e) => e.rule))) {
    let builder = new AxeBuilder({ page }).withRules([rule]);
    for (const e of GRID_EXCEPTIONS.filter((x) => x.rule === rule)) builder = builder.exclude(e.selector);
    violations.push(...(await builder.analyze()).violations);
  }
  return violations;
}

/**
 * Runs axe on the page as it is now and fails on serious or critical violations. `state` names
 * what the page shows (e.g. "volunteers, editing, with an error"), for the messages.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  const violations = [...(await analyzeAll(page)).violations, ...(await analyzeExcepted(page))];
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  for (const v of violations.filter((x) => !BLOCKING.has(x.impact ?? ''))) {
    testInfo.annotations.push({ type: `axe ${v.impact ?? 'unknown'}`, description: `${state}: ${describe(v)}` });
  }
  // Soft, so that one run reports every page's findings, not only the first page's.
  expect.soft(blocking.map(describe), `serious or critical axe violations on ${state}`).toEqual([]);
}
