import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  help: string;
  targets: unknown[];
}

/**
 * Runs axe-core on the page, or only inside the `include` selectors, with no rule switched off.
 * axe is evaluated over the DevTools protocol rather than as an inline <script>, so the app's strict CSP
 * (script-src 'self') cannot block it and the check runs under the real policy.
 */
export async function runAxe(page: Page, include?: readonly string[]): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selectors) => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (context?: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(selectors ? { include: selectors.map((s) => [s]) } : undefined);
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) }));
  }, include ?? null);
}
