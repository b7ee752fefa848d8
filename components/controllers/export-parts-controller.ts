import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The parts a host page may style on the root elements (docs/theming.md): each leaf element names its own
 * surfaces with these part names, and the root forwards them with `exportparts`, so
 * `visitor-kiosk::part(primary-button)` reaches a button two shadow roots down. Anything not listed stays
 * private: a part is a promise to integrators, like an attribute.
 */
export const PUBLIC_PARTS = ['heading', 'button', 'primary-button', 'language-button', 'help-button', 'field', 'outcome', 'viewfinder'] as const;

/** Sets `exportparts` on every custom element the root renders (the leaves of the current screen). */
export class ExportPartsController implements ReactiveController {
  private readonly value: string;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    parts: readonly string[] = PUBLIC_PARTS,
  ) {
    this.value = parts.join(', ');
    host.addController(this);
  }

  hostUpdated(): void {
    for (const element of this.host.renderRoot.querySelectorAll('*')) {
      if (element.localName.includes('-') && element.getAttribute('exportparts') !== this.value) element.setAttribute('exportparts', this.value);
    }
  }
}
