// Preview one summary while editing locales: npx tsx scripts/preview.ts samples/mueller-2024.yaml easy de
import { readFileSync } from 'node:fs';
import { parseStudyFacts } from '../src/facts/parse.js';
import { deriveFacts } from '../src/derive/index.js';
import { loadProject } from '../src/project/index.js';
import { createTranslator } from '../src/i18n/index.js';
import { createRenderer } from '../src/render/index.js';
const p = loadProject();
const r = createRenderer(p.templates, p.partials);
const f = process.argv[2] ?? 'samples/mueller-2024.yaml', level = process.argv[3] ?? 'easy', lang = process.argv[4] ?? 'en';
const facts = parseStudyFacts(readFileSync(f,'utf8'), f).facts!;
const tr = createTranslator(p.languages[lang]!, p.locales[lang]!);
console.log(r.renderSummary(facts, deriveFacts(facts), level, tr).markdown);
