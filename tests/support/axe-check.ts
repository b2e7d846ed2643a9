import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeScript = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

type AxeResult = {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }[];
};

/**
 * axe-core's serious and critical violations on what the page shows now (all its rules that run by
 * default, none excluded), one sentence per element: the rule, what it asks, and the element (its
 * selector and the start of its markup).
 */
export async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  // The till's CSP (script-src 'self') refuses an injected <script>; an evaluation from the
  // debugging protocol is not subject to it, and leaves the page's policy as it ships.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate((axeSource ??= readFileSync(axeScript, 'utf8')));
  // With a modal open, only the modal: what is behind it is checked as its own screen.
  const result = await page.evaluate(() => {
    const modals = [...document.querySelectorAll('[role="dialog"][aria-modal="true"]')].filter((d) => d.checkVisibility());
    const axe = (window as unknown as { axe: { run: (context: Element | Document, options: object) => Promise<unknown> } }).axe;
    return axe.run(modals.at(-1) ?? document, { resultTypes: ['violations'] });
  });
  return (result as AxeResult).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((n) => `axe ${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')}: ${n.html.replace(/\s+/g, ' ').slice(0, 120)}`),
    );
}
