/**
 * Writes the generated OpenAPI document, or with `--check` fails when the committed file differs
 * from a fresh generation. Usage: `node dist/openapi/write.js [--check] <file>`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from './document.js';

const args = process.argv.slice(2);
const check = args.includes('--check');
const file = args.find((arg) => !arg.startsWith('--'));
if (!file) {
  console.error('usage: write.js [--check] <file>');
  process.exit(2);
}

const text = `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
if (check) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== text) {
    console.error(`${file} is out of date with the zod schemas: run \`pnpm openapi\` and commit it.`);
    process.exit(1);
  }
  console.log(`${file} matches the zod schemas.`);
} else {
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
