// A wasm module as small as the server can send it (the page's, inlined into index.html by
// trunk; the worker's, read by worker-loader.js). A server that compresses it says so
// (Content-Encoding) and its answer is used as it is. One that does not (Python's http.server,
// nginx's defaults) would send 2 MB where 0.8 would do: then the plain download is stopped and
// the gzip the build wrote beside it (NAME.gz) is fetched and unpacked here, as it arrives.
self.plannerFetchWasm = async (url) => {
  const plain = new AbortController();
  const first = await fetch(url, { signal: plain.signal });
  if (!first.ok || first.headers.get('content-encoding') || typeof DecompressionStream !== 'function') {
    return first;
  }
  plain.abort();
  const packed = await fetch(url + '.gz').catch(() => null);
  if (!packed?.ok) return fetch(url);
  // A server that marks NAME.gz as gzip-encoded has had the browser unpack it already.
  const body = packed.headers.get('content-encoding')
    ? packed.body
    : packed.body.pipeThrough(new DecompressionStream('gzip'));
  return new Response(body, { headers: { 'content-type': 'application/wasm' } });
};
