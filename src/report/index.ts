/**
 * The check report: one row per study × language × level with every check's result,
 * failing rows first — as a self-contained HTML page, and as a short terminal table.
 *
 *   reportHtml(report)  → '<!doctype html>…<table>…mueller-2024 | de | easy | de 0.84 | FK … | 31/31 | 10/10 …'
 *   reportTable(report) → 'study  lang level language readability fidelity coverage\n…'
 */
import type { BuildReport, StudyReport, SummaryReport } from '../pipeline/index.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { counted, formatDiagnostic } from '../diagnostics/index.js';
import { escapeHtml } from '../outputs/index.js';

export interface ReportRow {
  study: string;
  summary: SummaryReport;
  /** Errors for this study × language × level. */
  errors: Diagnostic[];
}

/**
 * Each study's errors, found once: a row looks only at its own study's (filtering every finding
 * for every row was quadratic: 10,000 studies are 90,000 rows and some 30,000 findings).
 */
function errorsByStudy(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const errorsOf = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.severity !== 'error' || d.place.study === undefined) continue;
    const list = errorsOf.get(d.place.study);
    if (list) list.push(d);
    else errorsOf.set(d.place.study, [d]);
  }
  return errorsOf;
}

/** Whether a finding of a row's study concerns the row's language and level. */
const concerns = (d: Diagnostic, lang: string, level: string) => (d.place.lang === undefined || d.place.lang === lang) && (d.place.level === undefined || d.place.level === level);

/** Rows with errors first, then by study, language and level order as built. */
export function reportRows(report: BuildReport): ReportRow[] {
  const errorsOf = errorsByStudy(report.diagnostics);
  const rows: (ReportRow & { order: number })[] = [];
  let order = 0;
  for (const study of report.studies) {
    const own = errorsOf.get(study.id) ?? [];
    for (const summary of study.summaries) {
      rows.push({ study: study.id, summary, errors: own.filter((d) => concerns(d, summary.lang, summary.level)), order: order++ });
    }
  }
  return rows.sort((a, b) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.order - b.order).map(({ order: _, ...row }) => row);
}

function languageCell(s: SummaryReport): string {
  return `${s.language.failed ? '✗' : '✓'} ${s.lang} ${s.language.judged}/${s.language.paragraphs} judged, min score ${s.language.minScore}`;
}

function readabilityCell(s: SummaryReport): string {
  if (!s.readability) return '–';
  const parts = s.readability.checks.map((c) => `${c.ok ? '' : '✗ '}${c.figure} ${c.value}${c.limit.max !== undefined ? ` ≤ ${c.limit.max}` : ''}${c.limit.min !== undefined ? ` ≥ ${c.limit.min}` : ''}`);
  const ok = s.readability.checks.every((c) => c.ok);
  return `${ok ? '✓' : '✗'} ${parts.join(', ') || 'reported, not limited'}`;
}

function fidelityCell(s: SummaryReport): string {
  return `${s.fidelity.unmatched ? '✗' : '✓'} ${s.fidelity.numbers - s.fidelity.unmatched}/${s.fidelity.numbers} numbers match`;
}

function coverageCell(s: SummaryReport): string {
  const count = (state: string) => s.coverage.filter((r) => r.state === state).length;
  return `${count('missing') ? '✗' : '✓'} ${count('covered')} covered, ${count('missing')} missing, ${count('unknown')} unknown`;
}

/** One row of the terminal table: a study × language × level, its cells as text. */
export interface TableRow {
  study: string;
  lang: string;
  level: string;
  cells: string[];
}

/** The terminal table's rows of one study: small, so a check of thousands of studies can keep them without the reports. */
export function tableRows(study: StudyReport): TableRow[] {
  return study.summaries.map((s) => ({ study: study.id, lang: s.lang, level: s.level, cells: [study.id, s.lang, s.level, languageCell(s), readabilityCell(s), fidelityCell(s), coverageCell(s)] }));
}

/** The terminal table: rows with errors first (as `reportRows`), columns aligned. */
export function formatTable(rows: readonly TableRow[], diagnostics: readonly Diagnostic[]): string {
  const errorsOf = errorsByStudy(diagnostics);
  const failing = (r: TableRow) => (errorsOf.get(r.study) ?? []).some((d) => concerns(d, r.lang, r.level));
  const ordered = rows.map((r, order) => ({ r, order, failing: failing(r) })).sort((a, b) => Number(b.failing) - Number(a.failing) || a.order - b.order);
  const header = ['study', 'lang', 'level', 'language', 'readability', 'fidelity', 'coverage'];
  const all = [header, ...ordered.map(({ r }) => r.cells)];
  const widths = header.map((_, i) => all.reduce((w, r) => Math.max(w, [...(r[i] ?? '')].length), 0));
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** A short table for the terminal. */
export function reportTable(report: BuildReport): string {
  return formatTable(report.studies.flatMap(tableRows), report.diagnostics);
}

function sourceRows(study: StudyReport): string {
  return study.sources
    .map((s) => `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.declared.join(' + '))}</td><td>${escapeHtml(Object.entries(s.shares).map(([l, v]) => `${l} ${Math.round(v * 100)} %`).join(', '))}</td></tr>`)
    .join('');
}

const CSS = `body{font:15px/1.5 system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f5}.fail{background:#fde8e8}.ok{background:#fff}details{margin:.2rem 0}code{font-size:90%}
.bad{color:#a40000;font-weight:600}`;

/** One self-contained HTML page a reviewer can open: no scripts, no external files. */
export function reportHtml(report: BuildReport): string {
  const rows = reportRows(report)
    .map((r) => {
      const s = r.summary;
      const coverage = s.coverage.map((c) => `<li>${c.state === 'missing' ? '<span class="bad">missing</span>' : c.state} – ${c.annex}. ${escapeHtml(c.label)}</li>`).join('');
      const errors = r.errors.length ? `<ul>${r.errors.map((d) => `<li class="bad">${escapeHtml(d.message)}</li>`).join('')}</ul>` : '';
      const figures = s.readability ? `<details><summary>figures</summary><code>${escapeHtml(JSON.stringify(s.readability.figures))}</code></details>` : '';
      return `<tr class="${r.errors.length ? 'fail' : 'ok'}"><td>${escapeHtml(r.study)}</td><td>${s.lang}</td><td>${s.level}</td><td>${escapeHtml(languageCell(s))}</td><td>${escapeHtml(readabilityCell(s))}${figures}</td><td>${escapeHtml(fidelityCell(s))}</td><td>${escapeHtml(coverageCell(s))}<details><summary>Annex V</summary><ul>${coverage}</ul></details></td><td>${errors}</td></tr>`;
    })
    .join('\n');
  const sources = report.studies.map((st) => (st.sources.length ? `<h3>${escapeHtml(st.id)}</h3><table><tr><th>source</th><th>declared</th><th>detected share</th></tr>${sourceRows(st)}</table>` : '')).join('');
  const derived = report.studies
    .map((st) => (st.derived?.length ? `<h3>${escapeHtml(st.id)}</h3><table><tr><th>derived value</th><th>value</th><th>from</th></tr>${st.derived.map((d) => `<tr><td>${escapeHtml(d.name)}${d.onlyIn ? ` (${d.onlyIn} only)` : ''}</td><td>${d.value}</td><td>${escapeHtml(d.from.join(', '))}</td></tr>`).join('')}</table>` : ''))
    .join('');
  const other = report.diagnostics.filter((d) => d.severity !== 'error' || !d.place.level);
  const errorsCount = report.diagnostics.filter((d) => d.severity === 'error').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>laysum check report</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>laysum check report</h1>
<p>${counted(report.studies.length, 'study', 'studies')}, ${counted(report.studies.reduce((n, s) => n + s.summaries.length, 0), 'summary', 'summaries')}, ${counted(errorsCount, 'error', 'errors')}. ${report.ok ? 'All checks passed.' : '<span class="bad">Some checks failed; failing rows come first.</span>'}</p>
<h2>Summaries</h2>
<table>
<tr><th>study</th><th>lang</th><th>level</th><th>language</th><th>readability</th><th>fidelity</th><th>coverage</th><th>problems</th></tr>
${rows}
</table>
<h2>Source texts</h2>
${sources || '<p>None named.</p>'}
<h2>Derived values</h2>
${derived || '<p>None.</p>'}
<h2>Other findings</h2>
${other.length ? `<ul>${other.map((d) => `<li>${escapeHtml(formatDiagnostic(d))}</li>`).join('')}</ul>` : '<p>None.</p>'}
</main>
</body>
</html>
`;
}
