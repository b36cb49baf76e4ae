import type { ElementHandle, Locator, Page } from 'playwright-core';

/** What the focused control looks like: its focus ring may be drawn by itself, a wrapper
 * (Fluent's Input and Checkbox draw it on the root with :focus-within) or a pseudo-element
 * (Fluent's focus outline is an ::after border). */
export type FocusLook = string;

/** The focus-relevant styles of an element and two ancestors, pseudo-elements included. */
export async function focusLook(el: ElementHandle<Node>): Promise<FocusLook> {
  return el.evaluate((node) => {
    const props = ['outline-style', 'outline-width', 'outline-color', 'box-shadow', 'border-color', 'border-width', 'transform', 'opacity', 'text-decoration-line', 'text-decoration-style'];
    const parts: string[] = [];
    let e: Element | null = node as Element;
    for (let depth = 0; e && depth < 3; depth++, e = e.parentElement) {
      for (const pseudo of [null, '::before', '::after']) {
        const s = getComputedStyle(e, pseudo);
        if (pseudo && (s.content === 'none' || s.content === 'normal')) continue;
        parts.push(`${depth}${pseudo ?? ''}{${props.map((p) => `${p}:${s.getPropertyValue(p)}`).join(';')}}`);
      }
    }
    return parts.join(' ');
  });
}

/** True if the element itself (or its ring) draws a non-empty outline or shadow. */
export async function hasFocusIndicator(el: ElementHandle<Node>): Promise<boolean> {
  return el.evaluate((node) => {
    const visible = (s: CSSStyleDeclaration): boolean =>
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*, 0\)$|transparent/.test(s.outlineColor)) ||
      (s.boxShadow !== 'none' && s.boxShadow !== '') ||
      (parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth) > 0 && s.content !== 'none' && s.content !== 'normal') ||
      // Fluent's Link marks keyboard focus with a double underline instead of a ring.
      (s.textDecorationLine.includes('underline') && s.textDecorationStyle === 'double');
    let e: Element | null = node as Element;
    for (let depth = 0; e && depth < 3; depth++, e = e.parentElement) {
      if (visible(getComputedStyle(e))) return true;
      if (visible(getComputedStyle(e, '::after')) || visible(getComputedStyle(e, '::before'))) return true;
    }
    return false;
  });
}

export interface FocusStop {
  description: string;
  /** Focus rested on one of Tabster's invisible sentinels: a keyboard trap in all but name. */
  onDummy: boolean;
  focused: ElementHandle<Node>;
  look: FocusLook;
  indicator: boolean;
}

/** Role and accessible-ish name of the focused element, for failure messages. */
export async function describeFocused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return '(nothing focused)';
    const role = e.getAttribute('role') ?? e.tagName.toLowerCase();
    const name = e.getAttribute('aria-label') ?? e.innerText?.trim().slice(0, 40) ?? '';
    return `${role} "${name}"`;
  });
}

/**
 * Presses Tab until `target` (or something inside it) has focus, recording every stop with
 * how it looks. Fails with the stops visited if the target is not reachable by keyboard.
 */
export async function tabTo(page: Page, target: Locator, maxStops = 40, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<FocusStop[]> {
  const stops: FocusStop[] = [];
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press(key);
    const handle = await page.evaluateHandle(() => document.activeElement ?? document.body);
    const focused = handle.asElement();
    if (!focused) continue;
    stops.push({
      description: await describeFocused(page),
      onDummy: await focused.evaluate((n) => (n as Element).hasAttribute?.('data-tabster-dummy') ?? false),
      focused,
      look: await focusLook(focused),
      indicator: await hasFocusIndicator(focused),
    });
    const reached = await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false);
    if (reached) return stops;
  }
  throw new Error(`Could not reach ${String(target)} with ${key} in ${maxStops} stops; visited: ${stops.map((s) => s.description).join(' -> ')}`);
}
