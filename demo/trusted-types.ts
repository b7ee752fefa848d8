/**
 * What a portal that enforces Trusted Types (`require-trusted-types-for 'script'`) adds before loading our
 * modules (docs/csp.md#trusted-types): a `default` policy that lets same-origin script URLs through — the
 * decoder's worker and the service worker — and refuses everything else. Lit brings its own `lit-html` policy.
 * Harmless where Trusted Types are not enforced; imported first by main.ts.
 */
interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): unknown;
}

const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
factory?.createPolicy('default', {
  createScriptURL: (url: string) => {
    const parsed = new URL(url, location.href);
    if (parsed.origin !== location.origin) throw new TypeError(`script URL from another origin refused: ${parsed.origin}`);
    return parsed.href;
  },
});
