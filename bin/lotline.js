#!/usr/bin/env node
// Lotline runs on Node 24 (the `node` devDependency); npm scripts and `npx lotline`
// put that Node first on PATH.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Lotline needs Node.js 24 or newer; this is ${process.version}. ` +
      "Run it through npm (`npx lotline …` or `npm run lotline -- …`), which uses the project's Node 24.",
  );
  process.exit(2);
}
const { runCli } = await import('../src/server/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
