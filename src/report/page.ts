/**
 * The report page: one self-contained HTML file (no scripts, no external files) that opens fast
 * also for a build of 10,000 studies. Totals first; then every error and warning in full — the
 * summaries with errors with all their results, in the terminal table's order; then what passed:
 * every summary in detail for a small build (up to DETAILED_STUDIES studies, book.detail), else one row per
 * study with its summaries' readability values. The same book gives the same bytes.
 */
import type { BuildReport, StudyReport } from '../pipeline/index.js';
import { counted, formatDiagnostic, formatPlace, type Diagnostic } from '../diagnostics/index.js';
import { escapeHtml } from '../outputs/index.js';
import { type KeptStudy, type ReportBook, type SummaryKey } from './book.js';
import { concerns, errorsByStudy, summaryCells } from './cells.js';

const CSS = `body{font:15px/1.5 system-ui,"Noto Sans","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef2f5}.fail{background:#fde8e8}.ok{background:#fff}details{margin:.2rem 0}code{font-size:90%}
.bad{color:#a40000;font-weight:600}small{color:#555;font-weight:400}td.n{text-align:right}
table.studies{font-size:13px}table.studies td{padding:.1rem .4rem;white-space:nowrap;text-align:right}table.studies td:first-child{text-align:left}
thead th{position:sticky;top:0}`;

/** Where a summary's row with errors is (the studies table links to it). */
const anchor = (study: string, key: SummaryKey) => escapeHtml(`${study}/${key.lang}/${key.level}`);

/** An error in its row, as the terminal prints it less what the row says (severity, study, language, level): `title.de: …`, `de/x/easy.md: …`. */
function rowError(d: Diagnostic): string {
  const where = formatPlace({ ...d.place, study: undefined, lang: undefined, level: undefined });
  return `${where ? `${where}: ` : ''}${d.message} [${d.ruleId}]`;
}

/** One summary in full: its results, readability figures, Annex V elements, and its errors. */
function summaryRow(study: KeptStudy, i: number, errors: readonly Diagnostic[]): string {
  const key = study.keys[i]!;
  const s = study.report?.summaries[i];
  // A study with errors not kept whole has its cells; one with errors only the build found (none of its own) its readability values.
  const cells = s ? summaryCells(s) : (study.cells?.[i] ?? ['–', study.figures[i]!, '–', '–']);
  const figures = s?.readability ? `<details><summary>figures</summary><code>${escapeHtml(JSON.stringify(s.readability.figures))}</code></details>` : '';
  const annex = s ? `<details><summary>Annex V</summary><ul>${s.coverage.map((c) => `<li>${c.state === 'missing' ? '<span class="bad">missing</span>' : c.state} – ${escapeHtml(`${c.annex}. ${c.label}`)}</li>`).join('')}</ul></details>` : '';
  const problems = errors.length ? `<ul>${errors.map((d) => `<li class="bad">${escapeHtml(rowError(d))}</li>`).join('')}</ul>` : '';
  return `<tr class="${errors.length ? 'fail' : 'ok'}"${errors.length ? ` id="${anchor(study.id, key)}"` : ''}><td>${escapeHtml(study.id)}</td><td>${escapeHtml(key.lang)}</td><td>${escapeHtml(key.level)}</td><td>${escapeHtml(cells[0]!)}</td><td>${escapeHtml(cells[1]!)}${figures}</td><td>${escapeHtml(cells[2]!)}</td><td>${escapeHtml(cells[3]!)}${annex}</td><td>${problems}</td></tr>`;
}

const SUMMARY_HEAD = '<tr><th>study</th><th>lang</th><th>level</th><th>language</th><th>readability</th><th>fidelity</th><th>coverage</th><th>problems</th></tr>';

/** The summary columns of the studies table: every language × level built, in the order built. */
function columnsOf(book: ReportBook): SummaryKey[] {
  const columns: SummaryKey[] = [];
  for (const keys of book.keysOf.values()) {
    // A key a study lacks (its summary could not be made) is no column of its own; a new one goes after the key before it.
    let at = 0;
    for (const key of keys) {
      const i = columns.indexOf(key);
      if (i >= 0) at = i + 1;
      else columns.splice(at++, 0, key);
    }
  }
  return columns;
}

/** One row per study: each summary's readability values, or ✗ linking to its row with errors; its overall results and warnings. */
function studiesTable(book: ReportBook, errorsOf: ReadonlyMap<KeptStudy, Diagnostic[][]>, hasErrors: (id: string) => boolean, warningsOf: ReadonlyMap<string, number>): string {
  const columns = columnsOf(book);
  const positions = new Map<readonly SummaryKey[], number[]>();
  const positionsIn = (keys: readonly SummaryKey[]) => {
    let at = positions.get(keys);
    if (!at) positions.set(keys, (at = columns.map((c) => keys.indexOf(c))));
    return at;
  };
  const head = `<thead><tr><th>study</th>${columns.map((c) => `<th>${escapeHtml(`${c.lang} ${c.level}`)}<br><small>${escapeHtml(book.readabilityLimits.get(c) ?? '')}</small></th>`).join('')}<th>lowest language score</th><th>numbers matched</th><th>Annex V</th><th>warnings</th></tr></thead>`;
  // These rows are most of a large page: their cells carry no class but a failing one's (the stylesheet aligns them).
  const rows = book.studies.map((study) => {
    const errors = errorsOf.get(study);
    const failing = hasErrors(study.id);
    const cells = positionsIn(study.keys).map((i) => {
      if (i < 0) return failing ? '<td class="fail">not made</td>' : '<td></td>';
      return errors?.[i]!.length ? `<td class="fail"><a href="#${anchor(study.id, study.keys[i]!)}">✗</a></td>` : `<td>${escapeHtml(study.figures[i]!)}</td>`;
    });
    const warnings = warningsOf.get(study.id);
    return `<tr><td${failing ? ' class="fail"' : ''}>${escapeHtml(study.id)}</td>${cells.join('')}<td>${escapeHtml(study.overall[0])}</td><td>${escapeHtml(study.overall[1])}</td><td>${escapeHtml(study.overall[2])}</td><td>${warnings ?? ''}</td></tr>`;
  });
  return `<table class="studies">${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

function sourcesTable(study: StudyReport): string {
  if (!study.sources.length) return '';
  const rows = study.sources.map((s) => `<tr><td>${escapeHtml(s.id)}</td><td>${escapeHtml(s.declared.join(' + '))}</td><td>${escapeHtml(Object.entries(s.shares).map(([l, v]) => `${l} ${Math.round(v * 100)} %`).join(', '))}</td></tr>`).join('');
  return `<h3>${escapeHtml(study.id)}</h3><table><tr><th>source</th><th>declared</th><th>detected share</th></tr>${rows}</table>`;
}

function derivedTable(study: StudyReport): string {
  if (!study.derived?.length) return '';
  const rows = study.derived.map((d) => `<tr><td>${escapeHtml(d.name)}${d.onlyIn ? escapeHtml(` (${d.onlyIn} only)`) : ''}</td><td>${escapeHtml(String(d.value))}</td><td>${escapeHtml(d.from.join(', '))}</td></tr>`).join('');
  return `<h3>${escapeHtml(study.id)}</h3><table><tr><th>derived value</th><th>value</th><th>from</th></tr>${rows}</table>`;
}

/** Places listed inline up to this many; more go into a <details> (closed), so a warning of thousands of studies is one line until opened. */
const INLINE_PLACES = 10;

/**
 * Findings in full, the same problem once: one line per severity, rule and message, with every
 * place it was found (as the terminal prints each, `formatDiagnostic`, when it was found once).
 */
function findingsList(diagnostics: readonly Diagnostic[]): string {
  const groups = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.severity}\u0000${d.ruleId}\u0000${d.message}`;
    const group = groups.get(key);
    if (group) group.push(d);
    else groups.set(key, [d]);
  }
  const items = [...groups.values()].map((group) => {
    const first = group[0]!;
    if (group.length === 1) return `<li>${escapeHtml(formatDiagnostic(first))}</li>`;
    const places = escapeHtml(group.map((d) => formatPlace(d.place) || '(no place)').join('; '));
    const where = group.length <= INLINE_PLACES ? `<br><small>in ${group.length} places: ${places}</small>` : `<details><summary>in ${group.length} places</summary><small>${places}</small></details>`;
    return `<li>${escapeHtml(`${first.severity}: ${first.message} [${first.ruleId}]`)}${where}</li>`;
  });
  return `<ul>\n${items.join('\n')}\n</ul>`;
}

/** Errors, warnings and notes per rule, in rule order. */
function rulesTable(diagnostics: readonly Diagnostic[]): string {
  const byRule = new Map<string, Record<Diagnostic['severity'], number>>();
  for (const d of diagnostics) {
    let counts = byRule.get(d.ruleId);
    if (!counts) byRule.set(d.ruleId, (counts = { error: 0, warning: 0, info: 0 }));
    counts[d.severity]++;
  }
  const rows = [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([rule, c]) => `<tr><td>${escapeHtml(rule)}</td><td class="n${c.error ? ' bad' : ''}">${c.error}</td><td class="n">${c.warning}</td><td class="n">${c.info}</td></tr>`);
  return `<table><tr><th>rule</th><th>errors</th><th>warnings</th><th>notes</th></tr>${rows.join('')}</table>`;
}

function totalsTable(book: ReportBook): string {
  const t = book.totals;
  const row = (check: keyof typeof t.failed, what: string) => `<tr><td>${check}</td><td class="n">${t.checked[check]}</td><td class="n${t.failed[check] ? ' bad' : ''}">${t.failed[check]}</td><td>${escapeHtml(what)}</td></tr>`;
  return `<table><tr><th>check</th><th>summaries</th><th>failed</th><th>what was checked</th></tr>
${row('language', `${t.judged} of ${t.paragraphs} paragraphs long enough to judge; lowest score ${t.lowestScore ?? '–'}`)}
${row('readability', `${t.limited} against their level's limits, ${t.checked.readability - t.limited} reported, not limited`)}
${row('fidelity', `${t.numbers} numbers, ${t.unmatched} not in the facts`)}
${row('coverage', `Annex V elements: ${t.annex.covered} covered, ${t.annex.missing} missing, ${t.annex.unknown} unknown (not in the facts)`)}
</table>`;
}

/** The report page of a build: what `book` kept of its studies, and its findings. */
export function reportPage(book: ReportBook, build: Pick<BuildReport, 'ok' | 'diagnostics'>): string {
  const errorsByStudyId = errorsByStudy(build.diagnostics);
  const warningsOf = new Map<string, number>();
  for (const d of build.diagnostics) if (d.severity === 'warning' && d.place.study !== undefined) warningsOf.set(d.place.study, (warningsOf.get(d.place.study) ?? 0) + 1);
  // Each summary's errors; those shown in a row are not listed again below.
  const errorsOf = new Map<KeptStudy, Diagnostic[][]>();
  const shown = new Set<Diagnostic>();
  const failingRows: string[] = [];
  const passingRows: string[] = [];
  const detailAll = book.studies.length <= book.detail.studies;
  const inDetail: StudyReport[] = [];
  let failingSummaries = 0;
  let failingStudies = 0;
  /** Studies with errors whose whole report was not kept (past the book's room for them: always the last ones). */
  let failingNotWhole = 0;
  for (const study of book.studies) {
    const own = errorsByStudyId.get(study.id);
    const errors = own ? study.keys.map((k) => own.filter((d) => concerns(d, k.lang, k.level))) : undefined;
    const failing = errors?.some((e) => e.length) ?? false;
    if (errors) errorsOf.set(study, errors);
    if (failing) failingStudies++;
    if (failing && !study.report) failingNotWhole++;
    study.keys.forEach((_, i) => {
      const rowErrors = errors?.[i] ?? [];
      for (const d of rowErrors) shown.add(d);
      if (rowErrors.length) {
        failingSummaries++;
        failingRows.push(summaryRow(study, i, rowErrors));
      } else if (detailAll) passingRows.push(summaryRow(study, i, rowErrors));
    });
    if (study.report && (detailAll || failing)) inDetail.push(study.report);
  }
  const problems = build.diagnostics.filter((d) => d.severity !== 'info' && !shown.has(d)).sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error'));
  const notes = build.diagnostics.filter((d) => d.severity === 'info');
  const errorCount = build.diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = build.diagnostics.filter((d) => d.severity === 'warning').length;
  const status = build.ok ? 'All checks passed.' : `<span class="bad">Some checks failed${failingSummaries ? `: ${counted(failingSummaries, 'summary', 'summaries')} of ${counted(failingStudies, 'study', 'studies')} with errors, shown first` : ''}.</span>`;
  const notWhole = failingNotWhole ? `<p>Readability figures and Annex V elements are shown for the first ${failingStudies - failingNotWhole} of the ${failingStudies} studies with errors; the summaries of the others show their results and errors.</p>\n` : '';
  const passed = detailAll
    ? `<h2 id="passed">Summaries that passed</h2>
${passingRows.length ? `<table>\n${SUMMARY_HEAD}\n${passingRows.join('\n')}\n</table>` : '<p>None.</p>'}`
    : `<h2 id="passed">Studies</h2>
<p>One row per study. Under each language and level: the values of its limited readability figures (every check of that summary passed), – where the level is not limited, or ✗ for a summary with errors (its row is above). A report of up to ${book.detail.studies} studies shows every summary in detail; the JSON report (--json) has every figure of every summary.</p>
${studiesTable(book, errorsOf, (id) => errorsByStudyId.has(id), warningsOf)}`;
  const sources = inDetail.map(sourcesTable).join('');
  const derived = inDetail.map(derivedTable).join('');
  const which = detailAll ? '' : `<p>Of the studies with errors shown in detail (a report of up to ${book.detail.studies} studies shows every study's); the JSON report (--json) has all.</p>\n`;
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
<p>${counted(book.studies.length, 'study', 'studies')}, ${counted(book.totals.summaries, 'summary', 'summaries')}, ${counted(errorCount, 'error', 'errors')}, ${counted(warningCount, 'warning', 'warnings')}. ${status}</p>
<p><a href="#totals">Totals</a> · <a href="#problems">Errors and warnings</a> · <a href="#passed">${detailAll ? 'Summaries that passed' : 'Studies'}</a> · <a href="#sources">Source texts</a> · <a href="#derived">Derived values</a> · <a href="#notes">Notes</a></p>
<h2 id="totals">Totals</h2>
${totalsTable(book)}
${build.diagnostics.length ? rulesTable(build.diagnostics) : ''}
<h2 id="problems">Errors and warnings</h2>
<h3>Summaries with errors</h3>
${notWhole}${failingRows.length ? `<table>\n${SUMMARY_HEAD}\n${failingRows.join('\n')}\n</table>` : '<p>None.</p>'}
<h3>Other errors and warnings</h3>
${problems.length ? findingsList(problems) : '<p>None.</p>'}
${passed}
<h2 id="sources">Source texts</h2>
${which}${sources || '<p>None named.</p>'}
<h2 id="derived">Derived values</h2>
${which}${derived || '<p>None.</p>'}
<h2 id="notes">Notes</h2>
${notes.length ? findingsList(notes) : '<p>None.</p>'}
</main>
</body>
</html>
`;
}
