// `npm run bench:node`: the same bench as `npm run bench` (src/workers/bench/runBench.ts), run in
// Node instead of Chromium, for a machine with no browser, such as a lent GPU machine. WebGPU
// there comes from Dawn's Node bindings, the `webgpu` package, which is no dependency of ours
// (a 50 MB download for every platform): `npm install --no-save webgpu@0.6.2` where wanted. Dawn
// needs a Vulkan loader and driver; on a machine without a GPU, Chromium's SwiftShader serves:
//   LD_LIBRARY_PATH=/usr/lib/chromium VK_ICD_FILENAMES=/usr/lib/chromium/vk_swiftshader_icd.json \
//     npm run bench:node -- --backends=webgpu --short
//   npm run bench:node -- --backends=wasm,cpu --only=2x512   (wasm: one thread in Node)
//   npm run bench:node -- --backends=webgpu --dawn=backend=vulkan   (flags for Dawn's create())
// No app section (no page), no WebGL; figures go to bench-results/bench-node.json.
import { cpus } from 'node:os';
import { argument, benchOptions } from './arguments.ts';
import { loadNow, reportRun } from './output.ts';

interface DawnModule {
  create(flags: string[]): unknown;
  globals: object;
}

/** navigator.gpu from the `webgpu` package, if installed; else the reason there is none. */
async function installWebGpu(dawnFlags: string[]): Promise<string | null> {
  const name = 'webgpu'; // not a dependency: a literal specifier would fail the type check
  let dawn: DawnModule;
  try {
    dawn = (await import(name)) as DawnModule;
  } catch (e) {
    return `the webgpu package is not installed (npm install --no-save webgpu@0.6.2): ${String(e)}`;
  }
  Object.assign(globalThis, dawn.globals);
  const navigator = { gpu: dawn.create(dawnFlags), hardwareConcurrency: cpus().length };
  Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true });
  return null;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = benchOptions(args, ['dawn=']);
  if (options.wasmThreads.length > 0) throw new Error('Node runs wasm on one thread only');
  // Node 20 has no navigator; tfjs's webgpu backend reads navigator.gpu when it is imported.
  if (options.backends.includes('webgpu')) {
    const missing = await installWebGpu((argument(args, 'dawn') ?? '').split(',').filter((f) => f));
    if (missing !== null) console.log(`  ${missing}`);
  }
  const [{ nodeHost }, { runBench }] = await Promise.all([
    import('../../src/workers/bench/nodeHost.ts'),
    import('../../src/workers/bench/runBench.ts'),
  ]);
  const loadBefore = loadNow();
  const host = nodeHost((line) => console.log(`  ${line}`), {
    userAgent: `Node ${process.version} (${process.platform} ${process.arch})`,
    hardwareConcurrency: cpus().length,
    crossOriginIsolated: false,
  });
  const report = await runBench(options, host);
  await reportRun(report, { script: 'bench:node', loadBefore, app: null, file: 'bench-node.json' });
}

main().then(
  // Dawn's device and wasm's workers could keep Node alive; the work is done.
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
