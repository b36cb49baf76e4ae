/**
 * Whether a Fluent button is unavailable. The pane's buttons use `disabledFocusable`
 * (aria-disabled, still focusable) so that a button disabled while it has focus, such as
 * Next on the last revision, does not drop keyboard users back to the top of the page.
 */
export function isUnavailable(el: HTMLElement): boolean {
  return el.getAttribute('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled === true;
}
