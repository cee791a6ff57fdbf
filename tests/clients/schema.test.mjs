// The JSON Schema that editors (VS Code) use while the maintainer types:
// the shipped data must pass it, and typical mistakes must fail it, as
// they fail the validator. Uses ajv, a widely used JSON Schema validator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(fs.readFileSync(new URL('public/events.schema.json', root), 'utf8'));
const data = JSON.parse(fs.readFileSync(new URL('public/events.json', root), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

test('the shipped events.json passes its schema', () => {
  const ok = validate(data);
  assert.ok(ok, JSON.stringify(validate.errors, null, 1));
});

test('the schema flags the mistakes the validator flags', () => {
  const fixtures = new URL('tests/fixtures/load/', root);
  for (const name of ['wrong-type', 'unknown-field', 'missing-field', 'id-not-url-safe', 'javascript-link', 'bad-email',
    'blank-title', 'empty-title', 'hour-24', 'minute-60', 'impossible-time', 'offset-out-of-range',
    'revision-written-as-decimal', 'control-characters', 'many-keys', 'bad-registration']) {
    const text = fs.readFileSync(new URL(`${name}.json`, fixtures), 'utf8');
    assert.equal(validate(JSON.parse(text)), false, `${name}.json should fail the schema`);
  }
  const valid = JSON.parse(fs.readFileSync(new URL('valid.json', fixtures), 'utf8'));
  assert.ok(validate(valid), JSON.stringify(validate.errors));
});

// What only the checker catches (tests/fixtures/load/checker-only.txt, read
// by the checker's tests too): each such fixture passes the schema, so the
// list is honest. A case the schema learns to catch moves off the list.
test('the checker-only fixtures pass the schema', () => {
  const fixtures = new URL('tests/fixtures/load/', root);
  const names = fs.readFileSync(new URL('checker-only.txt', fixtures), 'utf8')
    .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split(/\s+/)[0]);
  assert.ok(names.length >= 8, names.join(','));
  for (const name of names) {
    const data = JSON.parse(fs.readFileSync(new URL(`${name}.json`, fixtures), 'utf8'));
    assert.ok(validate(data), `${name}.json passes the schema: ${JSON.stringify(validate.errors)}`);
  }
});

