import type { Page } from 'playwright-core';

/** The smallest target a finger hits reliably (WCAG 2.5.5, and the till's --touch token). */
export const MIN_TOUCH_PX = 44;

/**
 * What a cashier can touch on a screen that is wrong for a touch till, each as one sentence that
 * names the element (its label or text) and what is wrong with it. Only what is really on screen
 * counts: inside `within` (a selector) when given, else inside the topmost modal dialog when one
 * is open (the rest is behind its backdrop), anything visible otherwise.
 *
 * Exempt from the size rule, and said here so a reader knows: links inside running text (a link
 * in a sentence is sized by the sentence). Checkboxes and radio buttons are measured with the
 * label that wraps them, which is what a finger touches. A button's text must fit inside it.
 */
export function layoutProblems(page: Page, within?: string): Promise<string[]> {
  return page.evaluate(
    ([minTouch, within]) => {
      // Runs in the page: everything it needs is defined here.
      type Box = { left: number; top: number; right: number; bottom: number };
      const INTERACTIVE =
        'button, input:not([type="hidden"]), select, textarea, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="option"]';
      const viewport: Box = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      const problems: string[] = [];
      const round = (n: number) => Math.round(n);
      const describe = (el: Element): string => {
        const aria = el.getAttribute('aria-label');
        const labelled = el.getAttribute('aria-labelledby');
        const byId = labelled ? document.getElementById(labelled)?.textContent : null;
        const label = 'labels' in el ? (el as HTMLInputElement).labels?.[0]?.textContent : null;
        // A list's options are not its name: a select is named by its label, or by what it shows.
        const text = el.tagName === 'SELECT' ? (el as HTMLSelectElement).selectedOptions[0]?.text : (el as HTMLElement).innerText;
        const placeholder = el.getAttribute('placeholder');
        const title = el.getAttribute('title');
        const name = [aria, byId, label, text, placeholder, title].find((s) => s && s.trim())?.trim() ?? '';
        const short = name.replace(/\s+/g, ' ').slice(0, 60);
        return `<${el.tagName.toLowerCase()}> "${short}"`;
      };
      const isVisible = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) return false;
        return el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
      };
      const inlineLink = (el: Element): boolean =>
        el.tagName === 'A' && getComputedStyle(el).display === 'inline' && !!el.closest('p, li, td, dd');
      // What a finger touches: a checkbox or radio is hit through the label around it.
      const target = (el: Element): Element => {
        const type = el.getAttribute('type');
        return el.tagName === 'INPUT' && (type === 'checkbox' || type === 'radio') ? (el.closest('label') ?? el) : el;
      };
      const fmt = (b: Box) => `x ${round(b.left)}–${round(b.right)}, y ${round(b.top)}–${round(b.bottom)}`;

      /** Where an element is cut: by the viewport, or by an ancestor that hides or scrolls its overflow. */
      const clipping = (el: Element, box: Box): string | null => {
        if (box.left < viewport.left - 0.5 || box.right > viewport.right + 0.5)
          return `goes past the screen's width (${fmt(box)}, screen ${viewport.right} px wide)`;
        let scrolledInto = false;
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          const r = a.getBoundingClientRect();
          if (style.overflowX !== 'visible' && (box.left < r.left - 0.5 || box.right > r.right + 0.5))
            return `is cut sideways by ${describe(a)} (${fmt(box)}, shown ${round(r.left)}–${round(r.right)}): a horizontal scroll`;
          if (style.overflowY !== 'visible' && (box.top < r.top - 0.5 || box.bottom > r.bottom + 0.5)) {
            // Below the fold of a list that scrolls up and down is fine: the cashier scrolls to it.
            if (style.overflowY === 'auto' || style.overflowY === 'scroll') scrolledInto = true;
            else return `is cut by ${describe(a)} (${fmt(box)}, shown y ${round(r.top)}–${round(r.bottom)})`;
          }
        }
        if (!scrolledInto && (box.top < viewport.top - 0.5 || box.bottom > viewport.bottom + 0.5))
          return `is off-screen (${fmt(box)}, screen ${viewport.right}×${viewport.bottom})`;
        return null;
      };

      /** The part of an element actually shown, after every clipping ancestor. */
      const shown = (el: Element, box: Box): Box => {
        const out = { ...box };
        for (let a = el.parentElement; a && a !== document.documentElement; a = a.parentElement) {
          const style = getComputedStyle(a);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const r = a.getBoundingClientRect();
          out.left = Math.max(out.left, r.left);
          out.right = Math.min(out.right, r.right);
          out.top = Math.max(out.top, r.top);
          out.bottom = Math.min(out.bottom, r.bottom);
        }
        out.left = Math.max(out.left, 0);
        out.top = Math.max(out.top, 0);
        out.right = Math.min(out.right, viewport.right);
        out.bottom = Math.min(out.bottom, viewport.bottom);
        return out;
      };

      const doc = document.documentElement;
      if (doc.scrollWidth > window.innerWidth)
        problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide on a ${window.innerWidth} px screen`);

      const dialogs = [...document.querySelectorAll('[role="dialog"][aria-modal="true"], dialog[open]')].filter(isVisible);
      const scope: ParentNode = (within ? document.querySelector(within) : null) ?? dialogs.at(-1) ?? document;
      const elements = [...scope.querySelectorAll(INTERACTIVE)].filter(
        (el) => isVisible(el) && !el.closest('[inert], [aria-hidden="true"]'),
      );
      const checked: { el: Element; name: string; box: Box }[] = [];
      for (const el of elements) {
        const hit = target(el);
        const r = hit.getBoundingClientRect();
        const box: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        const name = describe(el);
        const cut = clipping(hit, box);
        if (cut) {
          problems.push(`${name} ${cut}`);
          continue;
        }
        if (!inlineLink(el) && (r.width < minTouch - 0.5 || r.height < minTouch - 0.5))
          problems.push(`${name} is ${round(r.width)}×${round(r.height)} px, smaller than ${minTouch}×${minTouch} for a finger`);
        // A label wider than its key spills over its neighbours or is cut ("Corriger" on a 72 px key).
        if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1)
          problems.push(`${name}: its text does not fit (${el.scrollWidth} px of text in a ${el.clientWidth} px button)`);
        const part = shown(hit, box);
        if (part.right - part.left >= 1 && part.bottom - part.top >= 1) {
          // A finger at its middle must reach it, not something drawn over it.
          const x = (part.left + part.right) / 2;
          const y = (part.top + part.bottom) / 2;
          const top = document.elementFromPoint(x, y);
          if (top && top !== hit && !hit.contains(top) && !top.contains(hit) && top.closest(INTERACTIVE) !== el)
            problems.push(`${name} is covered at its middle by ${describe(top)}`);
        }
        checked.push({ el: hit, name, box: part });
      }
      for (let i = 0; i < checked.length; i++) {
        for (let j = i + 1; j < checked.length; j++) {
          const a = checked[i]!;
          const b = checked[j]!;
          if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
          const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          if (w > 1 && h > 1) problems.push(`${a.name} and ${b.name} overlap (${round(w)}×${round(h)} px)`);
        }
      }
      return problems;
    },
    [MIN_TOUCH_PX, within] as const,
  );
}

/** The least room between two figures of a table row for the eye to tell them apart. */
const MIN_CELL_GAP_PX = 8;

/**
 * Table rows whose neighbouring cells' texts run together ("1" then "29,09 €" read "129,09 €"),
 * each as one sentence naming the two texts and the room between them.
 */
export function crowdedCells(page: Page): Promise<string[]> {
  return page.evaluate((minGap) => {
    const problems: string[] = [];
    const textBox = (cell: Element): DOMRect | null => {
      if (!cell.textContent?.trim()) return null;
      const range = document.createRange();
      range.selectNodeContents(cell);
      const r = range.getBoundingClientRect();
      return r.width > 0 ? r : null;
    };
    for (const row of document.querySelectorAll('tr')) {
      if (!row.checkVisibility()) continue;
      const cells = [...row.children].map((cell) => ({ cell, box: textBox(cell) })).filter((c) => c.box);
      for (let i = 1; i < cells.length; i++) {
        const a = cells[i - 1]!;
        const b = cells[i]!;
        const gap = Math.round(b.box!.left - a.box!.right);
        if (gap < minGap)
          problems.push(
            `"${a.cell.textContent!.trim()}" and "${b.cell.textContent!.trim()}" run together in a table row (${gap} px apart)`,
          );
      }
    }
    return problems;
  }, MIN_CELL_GAP_PX);
}
