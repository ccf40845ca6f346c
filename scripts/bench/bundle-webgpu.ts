// After the bundle (vite.node.config.ts): copies the `webgpu` package's Linux x64 build (21 MB of
// its 132; Dawn is a native addon, so it cannot be bundled) to dist-node/node_modules/webgpu,
// where the bundle's `import('webgpu')` finds it on a machine without our node_modules.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const FROM = 'node_modules/webgpu';
const TO = 'dist-node/node_modules/webgpu';
const PLATFORM = 'linux-x64'; // the lent GPU machines' (x86-64 Linux)

async function main(): Promise<void> {
  if (!existsSync(`${FROM}/dist/${PLATFORM}/dawn.node`)) {
    console.log(
      `dist-node has no WebGPU: ${FROM} is not installed (npm install --no-save webgpu@0.6.2, ` +
        'then run this again); its wasm-free runs (cpu) work without it.',
    );
    return;
  }
  await mkdir(`${TO}/dist`, { recursive: true });
  await cp(`${FROM}/index.js`, `${TO}/index.js`);
  await cp(`${FROM}/package.json`, `${TO}/package.json`);
  await cp(`${FROM}/dist/${PLATFORM}`, `${TO}/dist/${PLATFORM}`, { recursive: true });
  await writeFile('dist-node/README.txt', 'Built by npm run bench:node:bundle; see the README.\n');
  console.log(`copied ${FROM} (${PLATFORM}) to ${TO}`);
}

await main();
