// The page's worker starts here (src/ui/shell/worker.rs spawns it on first use): the
// wasm-bindgen glue and the worker's module, both beside this file, the module fetched as
// small as the server can send it (fetch-wasm.js). The module's main says "ready" to the
// page, then answers its jobs (src/ui/shell/in_worker.rs).
importScripts('fetch-wasm.js', 'worker.js');
wasm_bindgen({ module_or_path: plannerFetchWasm('worker_bg.wasm') }).catch((e) => {
  // The page hears it as an error event and says the module could not load.
  setTimeout(() => { throw e; });
});
