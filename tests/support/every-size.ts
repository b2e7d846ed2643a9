import type { Page } from 'playwright-core';
import { seriousAccessibilityProblems } from './axe-check';
import { crowdedCells, layoutProblems } from './layout-checks';

/** The screens stores really use: 4:3 and 16:10 touch tills, a small laptop, a full-HD monitor. */
export const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

/** Lets the layout settle after a resize: two frames, as the browser lays out then paints. */
function settle(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * The screen as it is now, at each size: layout problems and axe's serious ones. A problem seen at
 * several sizes is told once, with the sizes it was seen at.
 */
export async function problemsAtEverySize(page: Page, screen: string): Promise<string[]> {
  const found = new Map<string, string[]>();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await settle(page);
    const problems = [...(await layoutProblems(page)), ...(await crowdedCells(page)), ...(await seriousAccessibilityProblems(page))];
    for (const problem of problems) found.set(problem, [...(found.get(problem) ?? []), `${size.width}×${size.height}`]);
  }
  return [...found].map(([problem, sizes]) => `${screen}: ${problem} (at ${sizes.join(', ')})`);
}
