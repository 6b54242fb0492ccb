// Parses Mermaid files with mermaid itself (in jsdom, as it needs a DOM):
// prints each file's diagram type or the parse error, exits 1 on any
// error. Run with NODE_PATH unset: node resolves mermaid from the
// node_modules beside this script's copy (scripts/install-npm-tools).
//   node mermaid-parse.mjs FILE...
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!DOCTYPE html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
globalThis.DOMParser = dom.window.DOMParser;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });
let bad = 0;
for (const f of process.argv.slice(2)) {
	try {
		const r = await mermaid.parse(readFileSync(f, 'utf8'));
		console.log(`${f}: ${r.diagramType}`);
	} catch (e) {
		const msg = String(e.message || e).split('\n').slice(0, 3);
		console.log(`${f}: ${msg.join(' ')}`);
		bad = 1;
	}
}
process.exit(bad);
