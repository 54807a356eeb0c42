/**
 * The floor of `npm run bench`, in a process of its own (so it runs with V8's default settings,
 * whatever the build's process was tuned to): plain markdown-it on one thread over the build's
 * Markdown files, each written as HTML to the same kind of folder. Prints the time in ms.
 *
 *   tsx bench/floor.ts <markdown folder> <html folder>
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';

const [from, to] = process.argv.slice(2) as [string, string];

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.md')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

const files = markdownFiles(from);
rmSync(to, { recursive: true, force: true });
const md = new MarkdownIt();
const start = performance.now();
for (const file of files) {
  const target = join(to, file.slice(from.length)).replace(/\.md$/, '.html');
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(target, md.render(readFileSync(file, 'utf8')));
}
process.stdout.write(`${JSON.stringify({ files: files.length, ms: performance.now() - start })}\n`);
