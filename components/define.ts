/**
 * Marks, page-wide, that a duplicate was reported. A symbol in the global registry is shared by every copy of
 * the library (each copy has its own module state), so a second copy warns once — not once for each of the
 * dozen tags it carries.
 */
const DUPLICATE_WARNED = Symbol.for('visitor-kiosk.duplicate-warned');

/**
 * Registers a custom element unless the tag is taken already — two copies of the library on one page
 * (a host bundling us and a CDN tag, say) must keep working, with a warning rather than a thrown error.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) customElements.define(tag, ctor);
  else if (existing !== ctor) warnDuplicateOnce(tag);
}

function warnDuplicateOnce(tag: string): void {
  const flags = globalThis as { [DUPLICATE_WARNED]?: true };
  if (flags[DUPLICATE_WARNED]) return;
  flags[DUPLICATE_WARNED] = true;
  console.warn(`<${tag}> is already defined: another copy of the visitor kiosk library is on this page. Keeping the first copy's elements.`);
}
