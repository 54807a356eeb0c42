/**
 * The project's templates checked against the helpers and partials their environments have, once
 * per build before any study is read (see templateProblems in src/render): a call to a helper
 * that does not exist is bad configuration, exit 2, said once with its file, line and column.
 */
import { join } from 'node:path';
import { ProjectConfigError, projectProblem, type ProjectData, type ReadingLevel } from '../project/index.js';
import { summaryHelperNames, templateProblems, type TemplateEnvironment } from '../render/index.js';
import { leafletHelperNames } from '../outputs/leaflet/index.js';
import type { OutputFormat } from './study.js';

/** Throws a ProjectConfigError listing every problem of the templates this build uses. */
export function checkProjectTemplates(project: ProjectData, levels: readonly ReadingLevel[], formats: readonly OutputFormat[]): void {
  const summary: TemplateEnvironment = { helpers: summaryHelperNames(), partials: Object.keys(project.partials) };
  const used: { path: string; source: string | undefined; environment: TemplateEnvironment }[] = [
    ...(formats.includes('summary') ? levels.map((level) => ({ path: join('templates', `${level}.hbs`), source: project.templates[level], environment: summary })) : []),
    ...Object.entries(project.partials).map(([name, source]) => ({ path: join('templates', 'partials', `${name}.hbs`), source, environment: summary })),
    ...(formats.includes('press') ? [{ path: join('templates', 'formats', 'press.hbs'), source: project.formats.press, environment: summary }] : []),
    ...(formats.includes('leaflet') ? [{ path: join('templates', 'formats', 'leaflet.hbs'), source: project.formats.leaflet, environment: { helpers: leafletHelperNames(), partials: [] } }] : []),
  ];
  const problems = used.flatMap(({ path, source, environment }) =>
    source === undefined ? [] : templateProblems(source, environment).map((p) => projectProblem('project/template', join(project.root, path), p.message, { line: p.line, column: p.column })),
  );
  if (problems.length) throw new ProjectConfigError(problems);
}
