// scripts/serve.mjs sends each file's precompressed twin (scripts/compress.mjs, run by the build)
// by Accept-Encoding, with the plain file's type and Vary, and the plain file otherwise.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { serve } from '../../scripts/serve.mjs';

let servers = [];
before(async () => {
  servers = [await serve('dist', 0), await serve('dist', 0, { compress: false })];
});
after(() => servers.forEach((s) => s.close()));

const fetchRaw = (server, path, encoding) =>
  new Promise((ok, fail) => {
    const headers = encoding ? { 'accept-encoding': encoding } : {};
    get({ host: '127.0.0.1', port: server.address().port, path, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });

const wasm = readdirSync('dist').find((f) => f.endsWith('_bg.wasm'));

test('the build writes .br and .gz next to every asset', () => {
  const files = readdirSync('dist');
  for (const f of files.filter((f) => !/\.(br|gz)$/.test(f))) {
    assert.ok(files.includes(`${f}.br`) && files.includes(`${f}.gz`), f);
  }
});

test('brotli when accepted, else gzip, else the plain file; the type and bytes are the plain file’s', async () => {
  const plain = readFileSync(`dist/${wasm}`);
  const br = await fetchRaw(servers[0], `/${wasm}`, 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.ok(br.body.length < plain.length / 2, `${br.body.length} of ${plain.length}`);
  assert.deepEqual(brotliDecompressSync(br.body), plain);
  const gz = await fetchRaw(servers[0], `/${wasm}`, 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(gunzipSync(gz.body), plain);
  const none = await fetchRaw(servers[0], `/${wasm}`);
  assert.equal(none.headers['content-encoding'], undefined);
  assert.deepEqual(none.body, plain);
  // A refused encoding (q=0) is not sent.
  const refused = await fetchRaw(servers[0], '/', 'br;q=0, gzip');
  assert.equal(refused.headers['content-encoding'], 'gzip');
  assert.equal(refused.headers['content-type'], 'text/html; charset=utf-8');
});

test('a server told not to compress sends the plain file whatever the browser accepts', async () => {
  const res = await fetchRaw(servers[1], `/${wasm}`, 'br, gzip');
  assert.equal(res.headers['content-encoding'], undefined);
  assert.deepEqual(res.body, readFileSync(`dist/${wasm}`));
});
