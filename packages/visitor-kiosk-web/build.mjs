// Builds the package into packages/visitor-kiosk-web/dist: the ES modules (vite.config.ts), the declarations
// of the public face (tsconfig.types.json, TypeScript 5.9) and custom-elements.json (cem analyze). Run from
// anywhere: `node packages/visitor-kiosk-web/build.mjs`; then `npm pack ./packages/visitor-kiosk-web`.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));
const run = (name, args) => execFileSync(bin(name), args, { cwd: here, stdio: ['ignore', 'inherit', 'inherit'] });

run('vite', ['build', '--config', 'vite.config.ts']); // empties dist/ first
run('tsc', ['-p', 'tsconfig.types.json']);
run('cem', ['analyze', '--quiet']);
