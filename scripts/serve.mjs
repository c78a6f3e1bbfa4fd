// Serves a folder on 127.0.0.1 only (no other interface), with the right MIME type for wasm, and
// each file's precompressed twin (NAME.br, NAME.gz from scripts/compress.mjs) when the browser
// accepts it: Content-Encoding, Vary: Accept-Encoding, the type of the plain file; the plain file
// otherwise. Usage: node scripts/serve.mjs DIR PORT   (PORT 0 picks a free port; tests import
// `serve`; `serve(dir, port, { compress: false })` sends plain files only, as a bare server does).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/// The encodings a request accepts, best first among those we keep files for.
function accepted(header = '') {
  const names = header
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || parseFloat(q.split('=')[1]) > 0)
    .map(([name]) => name.trim().toLowerCase());
  return [['br', '.br'], ['gzip', '.gz']].filter(([name]) => names.includes(name));
}

export function serve(dir, port = 0, { compress = true } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    for (const [encoding, suffix] of compress ? accepted(req.headers['accept-encoding']) : []) {
      try {
        const body = await readFile(file + suffix);
        res.writeHead(200, { 'content-type': type, 'content-encoding': encoding, vary: 'Accept-Encoding' });
        res.end(body);
        return;
      } catch {
        // No such twin: the next encoding, or the plain file.
      }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type, ...(compress ? { vary: 'Accept-Encoding' } : {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(dir, Number(port));
  console.log(`棚改规划: http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
