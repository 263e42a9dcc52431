// render.mjs renders a JSON Resume document with a jsonresume-theme-*
// package: node render.mjs NODE_MODULES THEME in.json out.html
import fs from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';

const [nodeModules, theme, input, output] = process.argv.slice(2);
const dir = path.join(path.resolve(nodeModules), 'jsonresume-theme-' + theme);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const dot = pkg.exports && pkg.exports['.'];
const entry = (dot && dot.import && (dot.import.default || dot.import)) || pkg.module || pkg.main || 'index.js';
const mod = await import(pathToFileURL(path.join(dir, entry)).href);
const render = mod.render || (mod.default && mod.default.render);
if (typeof render !== 'function') {
  throw new Error(dir + ' has no render function');
}
const resume = JSON.parse(fs.readFileSync(input, 'utf8'));
fs.writeFileSync(output, await render(resume));
