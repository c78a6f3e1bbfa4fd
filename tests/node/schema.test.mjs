// The plan document's JSON Schema and the reader agree: every golden fixture and the demo as
// the app writes it validate against docs/plan.schema.json (ajv), and a field the schema does
// not know is refused by the schema and reported by the reader (plan-sim's warning).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import Ajv from 'ajv/dist/2020.js';

const schema = JSON.parse(readFileSync('docs/plan.schema.json', 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const cargo = (args) => execFileSync('cargo', ['run', '-q', ...args], { encoding: 'utf8' });

const documents = () => {
  const fixtures = readdirSync('tests/fixtures')
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, readFileSync(join('tests/fixtures', f), 'utf8')]);
  return [...fixtures, ['demo', cargo(['--example', 'write_demo'])]];
};

test('every fixture and the demo validate against the schema and read back', () => {
  for (const [name, text] of documents()) {
    const ok = validate(JSON.parse(text));
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors)}`);
  }
});

test('an unknown field is refused by the schema and reported by the reader', () => {
  const [, demo] = documents().at(-1);
  const doc = JSON.parse(demo);
  doc.plan.projects[0].costs.construction_month = 12;
  assert.equal(validate(doc), false);
  const dir = mkdtempSync(join(tmpdir(), 'schema-'));
  const file = join(dir, 'typo.json');
  writeFileSync(file, JSON.stringify(doc));
  const out = spawnSync('cargo', ['run', '-q', '--bin', 'plan-sim', '--', file], { encoding: 'utf8' });
  assert.equal(out.status, 0);
  assert.match(out.stderr, /plan\.projects\.0\.costs\.construction_month/);
});
