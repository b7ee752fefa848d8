/**
 * Registers a custom element unless the tag is taken already — two copies of the library on one page
 * (a host bundling us and a CDN tag, say) must keep working, with a warning rather than a thrown error.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) customElements.define(tag, ctor);
  else if (existing !== ctor) console.warn(`<${tag}> is already defined by another copy; keeping the first.`);
}
