// The floor for the cold-start benchmark: one Lit element with a heading and a button, marked
// interactive the way the kiosk marks its welcome screen, and a service worker that precaches it all
// (written by cold-start.mjs after the build, when the file names are known).
import { LitElement, html } from 'lit';

class MinimalWelcome extends LitElement {
  static properties = { clicks: { state: true } };

  constructor() {
    super();
    this.clicks = 0;
  }

  firstUpdated() {
    // Same moment as the kiosk's mark: first render done, the button's listener attached.
    performance.mark('vk:welcome-interactive');
  }

  render() {
    return html`<h1>Welcome</h1>
      <button @click=${() => this.clicks++}>Check in</button>`;
  }
}
customElements.define('minimal-welcome', MinimalWelcome);

if ('serviceWorker' in navigator) {
  addEventListener('load', () => navigator.serviceWorker.register('/sw.js'));
}
