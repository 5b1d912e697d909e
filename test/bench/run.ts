// `npm run bench`: runs every test/bench/*.bench.ts in its own process and writes
// one JSON file per benchmark to bench-results/, plus bench-results/summary.json.
// `npm run bench -- health` runs only the benchmarks whose name contains "health".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const outDir = path.resolve(here, '../../bench-results');
const filter = process.argv[2];
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filter || f.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches "${filter ?? ''}".`);
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const summary: Record<string, unknown> = {};
let failed = 0;
for (const file of benches) {
  const name = file.replace(/\.bench\.ts$/, '');
  const outFile = path.join(outDir, `${name}.json`);
  console.log(`▶ ${name}`);
  const res = spawnSync(process.execPath, [path.join(here, file), outFile], {
    stdio: 'inherit',
    env: process.env,
  });
  if (res.status !== 0 || !fs.existsSync(outFile)) {
    failed++;
    summary[name] = { error: `exited with ${res.status}` };
    continue;
  }
  summary[name] = JSON.parse(fs.readFileSync(outFile, 'utf8'));
}
const machine = {
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
};
fs.writeFileSync(
  path.join(outDir, 'summary.json'),
  JSON.stringify({ at: new Date().toISOString(), machine, results: summary }, null, 2),
);
console.log(JSON.stringify(summary, null, 2));
console.log(`Results in ${path.relative(process.cwd(), outDir)}/`);
process.exit(failed > 0 ? 1 : 0);
