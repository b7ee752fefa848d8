import { expect } from '@open-wc/testing';
import { parseFrameConfig } from '../../../src/schemas/embed.js';

// The frame mode's one inbound message (src/schemas/embed.ts): what a listed portal may send, and what a
// message must never carry — a CSS value that loads something or escapes its declaration, a property that is
// not a token, an unknown field.
describe('parseFrameConfig', () => {
  it('accepts a configuration with every field optional', () => {
    expect(parseFrameConfig({ type: 'vk-config' })).to.deep.equal({ type: 'vk-config' });
    const full = { type: 'vk-config', lang: 'zh-Hans', theme: 'high-contrast', tokens: { '--vk-color-accent': '#00695c', '--vk-font-family': "'Noto Sans HK', system-ui, sans-serif", '--vk-radius': '4px', '--vk-focus-ring': '3px solid rgb(255, 191, 71)' } };
    expect(parseFrameConfig(full)).to.deep.equal(full);
  });

  it('refuses other types, unknown fields, languages and themes', () => {
    for (const message of [
      null,
      'vk-config',
      [],
      {},
      { type: 'vk-event' },
      { type: 'vk-config', extra: 1 },
      { type: 'vk-config', lang: 'fr' },
      { type: 'vk-config', lang: 'zh-hant' },
      { type: 'vk-config', theme: 'sepia' },
      { type: 'vk-config', tokens: [] },
    ]) {
      expect(parseFrameConfig(message), JSON.stringify(message)).to.equal(undefined);
    }
  });

  it('refuses tokens that are not --vk-* names, or values that load or escape', () => {
    for (const tokens of [
      { color: 'red' },
      { '--other': 'red' },
      { '--vk-': 'red' },
      { '--VK-COLOR': 'red' },
      { '--vk-color-background': 'url(https://evil.example/x.png)' },
      { '--vk-color-background': 'URL (https://evil.example/x.png)' },
      { '--vk-color-background': 'red; background: url(x)' },
      { '--vk-color-background': 'red } :host { color: red' },
      { '--vk-color-background': '\\75 rl(x)' },
      { '--vk-color-background': '<script>' },
      { '--vk-color-background': '' },
      { '--vk-color-background': 'x'.repeat(201) },
      Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`--vk-t${i}`, 'red'])),
    ]) {
      expect(parseFrameConfig({ type: 'vk-config', tokens }), JSON.stringify(tokens).slice(0, 80)).to.equal(undefined);
    }
  });
});
