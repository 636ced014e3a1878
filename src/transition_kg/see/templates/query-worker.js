// The page store's worker: one script made of Oxigraph's glue (the npm package's web.js, made a
// classic script: see/pagestore.py's classic; this reads its Store and initSync) and this. Asked
// to "open", it inflates the page's quads and WebAssembly and compiles it at once, on its own
// thread while the network is drawn; asked to "load" (once the network is drawn), it loads the
// quads; then it answers queries one at a time. The page ends it to stop a query.
let store = null, opening = null;
const times = {};  // ms of each step, for benchmarks/pagestore.py
async function timed(name, work) {
  const start = performance.now(), value = await work();
  times[name] = performance.now() - start;
  return value;
}
// what the page holds deflated in base64 (see/pagestore.py's packed), as a Response to read
function unpacked(base64) {
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), c => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate")));
}

async function open({wasm, quads}) {  // the quads' text, once the WebAssembly is compiled and started
  const [bytes, text] = await timed("inflate", () => Promise.all([unpacked(wasm).arrayBuffer(), unpacked(quads).text()]));
  const module = await timed("compile", () => WebAssembly.compile(bytes));
  initSync({module});
  return text;
}

async function load() {  // {quads: how many, times}
  const text = await opening;
  await timed("load", () => {
    store = new Store();  // the library wrote the quads: loaded without a transaction or checks
    store.load(text, {format: "application/n-quads", no_transaction: true, lenient: true});
  });
  return {quads: store.size, times};
}

self.onmessage = async ({data}) => {
  try {
    if (data.op === "open") {
      opening = open(data);
      await opening;
      self.postMessage({id: data.id, ok: true, value: null});
      return;
    }
    if (data.op === "load") {
      self.postMessage({id: data.id, ok: true, value: await load()});
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
