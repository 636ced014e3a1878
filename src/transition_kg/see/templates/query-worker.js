// The page store's worker: one script made of Oxigraph's glue (the npm package's web.js, made a
// classic script: see/pagestore.py's classic; this reads its Store and initSync) and this. It
// inflates the page's quads and WebAssembly, compiles it and loads the quads, then answers
// queries one at a time; the page ends it to stop a query.
let store = null;
// what the page holds deflated in base64 (see/pagestore.py's packed), as a Response to read
function unpacked(base64) {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate")));
}

async function open({wasm, quads}) {  // {quads: how many, times: ms of each step, for benchmarks/pagestore.py}
  const times = {};
  let start = performance.now();
  const lap = name => { const now = performance.now(); times[name] = now - start; start = now; };
  const [bytes, text] = await Promise.all([unpacked(wasm).arrayBuffer(), unpacked(quads).text()]);
  lap("inflate");
  initSync({module: await WebAssembly.compile(bytes)});
  lap("compile");
  store = new Store();  // the library wrote the quads: loaded without a transaction or checks
  store.load(text, {format: "application/n-quads", no_transaction: true, lenient: true});
  lap("load");
  return {quads: store.size, times};
}

self.onmessage = async ({data}) => {
  try {
    if (data.op === "open") {
      self.postMessage({id: data.id, ok: true, value: await open(data)});
      return;
    }
    // SELECT and ASK as SPARQL JSON results, CONSTRUCT and DESCRIBE as the page asks (Turtle, N-Triples)
    const value = store.query(data.text, {results_format: data.format || "application/sparql-results+json",
                                          use_default_graph_as_union: data.union});
    self.postMessage({id: data.id, ok: true, value});
  } catch (error) {
    self.postMessage({id: data.id, ok: false, value: String(error && error.message || error)});
  }
};
