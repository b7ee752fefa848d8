import { mkdirSync, writeFileSync } from 'node:fs';

// The `custom-elements.json` manifest that editors (VS Code, JetBrains, lit-analyzer) read to autocomplete the
// tags, their attributes, events, parts and tokens. Built by build.mjs with `cem analyze --litelement` from the
// root elements' JSDoc; the analyzer runs on the TypeScript sources, so its module paths are rewritten to the
// files the package ships (dist/visitor-kiosk.js, dist/visitor-desk.js).
const SHIPPED = {
  '../../kiosk/visitor-kiosk.ts': 'dist/visitor-kiosk.js',
  '../../desk/visitor-desk.ts': 'dist/visitor-desk.js',
};

/** The class of each public event (the analyzer reads the names from `@fires`, the classes from the code). */
const EVENT_CLASSES = {
  'vk-visit-registered': 'VisitRegisteredEvent',
  'vk-visit-checked-in': 'VisitCheckedInEvent',
  'vk-visit-checked-out': 'VisitCheckedOutEvent',
  'vk-sync-state-change': 'SyncStateChangeEvent',
  'vk-visit-flagged': 'VisitFlaggedEvent',
  'vk-locale-change': 'LocaleChangeEvent',
};

/** Points each module (and the declarations' references to it) at the shipped file. */
const shippedPaths = () => ({
  name: 'visitor-kiosk-shipped-paths',
  packageLinkPhase({ customElementsManifest }) {
    const rename = (path) => SHIPPED[path] ?? path;
    for (const mod of customElementsManifest.modules) {
      mod.path = rename(mod.path);
      for (const exp of mod.exports ?? []) if (exp.declaration?.module) exp.declaration.module = rename(exp.declaration.module);
      // Only what the shipped entry exports: the element's class and its tag (not the module's other constants).
      mod.declarations = (mod.declarations ?? []).filter((d) => d.customElement);
      mod.exports = (mod.exports ?? []).filter((e) => mod.declarations.some((d) => d.name === e.declaration?.name));
      for (const decl of mod.declarations) {
        if (decl.tagName) mod.exports.push({ kind: 'custom-element-definition', name: decl.tagName, declaration: { name: decl.name, module: mod.path } });
        if (decl.superclass?.module) decl.superclass.module = rename(decl.superclass.module);
        // Only the public face: private and protected members and `@internal` ones stay out of editors.
        // `@fires` gives each event its name and description; the code gives unnamed entries with the class.
        if (decl.events) decl.events = decl.events.filter((e) => e.name).map((e) => ({ ...e, type: { text: EVENT_CLASSES[e.name] ?? 'Event' } }));
        if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.name.startsWith('#'));
      }
    }
  },
});

/**
 * VS Code reads HTML custom data, not custom-elements.json: the same tags and attributes, written beside it
 * (a host adds `"html.customData": ["./node_modules/visitor-kiosk-web/dist/vscode.html-custom-data.json"]`).
 */
const vscodeCustomData = () => ({
  name: 'visitor-kiosk-vscode-custom-data',
  packageLinkPhase({ customElementsManifest }) {
    const tags = customElementsManifest.modules
      .flatMap((mod) => mod.declarations ?? [])
      .filter((decl) => decl.tagName)
      .map((decl) => ({
        name: decl.tagName,
        description: decl.summary ?? decl.description ?? '',
        attributes: (decl.attributes ?? []).map((attr) => {
          // A union of string literals (`'' | 'light' | 'dark'`) becomes the attribute's value list.
          const literals = (attr.type?.text ?? '').split('|').map((t) => t.trim());
          const values = literals.every((t) => /^'[^']*'$/.test(t)) ? literals.map((t) => t.slice(1, -1)).filter(Boolean).map((name) => ({ name })) : [];
          return { name: attr.name, description: attr.description ?? '', ...(values.length ? { values } : {}) };
        }),
      }));
    mkdirSync('dist', { recursive: true });
    writeFileSync('dist/vscode.html-custom-data.json', `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
  },
});

export default {
  globs: Object.keys(SHIPPED),
  outdir: 'dist',
  litelement: true,
  packagejson: false, // package.json names the manifest itself (`customElements`)
  plugins: [shippedPaths(), vscodeCustomData()],
};
