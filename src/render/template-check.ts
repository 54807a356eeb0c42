/**
 * A template's calls checked against what its environment has, before any study is rendered:
 * a helper the template calls with arguments (`{{nosuch "x"}}`, `(nosuch a)`, `{{#nosuch a}}`)
 * that is not registered, or a partial (`{{> nosuch}}`) that does not exist. Handlebars finds
 * these only when it renders the line, once per study and language: a batch of 1,000 studies
 * reported the same mistake 3,000 times and wrote nothing. A bare `{{name}}` may be a value of
 * the view, so it is left to the render (strict mode names it there).
 *
 *   templateProblems('{{nosuch "x"}}', { helpers: ['t'], partials: [] })
 *   → [{ line: 1, column: 3, message: '`nosuch` is not a helper (the helpers are: t)' }]
 */
import Handlebars from 'handlebars';

/** One mistake in a template: 1-based line and column, as editors count them. */
export interface TemplateProblem {
  line: number;
  column: number;
  message: string;
}

/** What a template's environment has: the names of its helpers (built-in ones included) and partials. */
export interface TemplateEnvironment {
  helpers: readonly string[];
  partials: readonly string[];
}

type Node = hbs.AST.Node;

/** Handlebars reports columns from 0; editors count from 1. */
function place(node: Node): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

/** A simple name (`t`, not `this.t`, `../t`, `@t` or `a.b`): the only kind Handlebars calls as a helper. */
function simpleName(path: hbs.AST.PathExpression | hbs.AST.Literal): string | undefined {
  if (path.type !== 'PathExpression') return undefined;
  const p = path as hbs.AST.PathExpression;
  return !p.data && p.depth === 0 && p.parts.length === 1 && p.original === p.parts[0] ? p.parts[0] : undefined;
}

function hasArguments(node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }): boolean {
  return node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
}

export function templateProblems(source: string, environment: TemplateEnvironment): TemplateProblem[] {
  const helpers = new Set(environment.helpers);
  const partials = new Set(environment.partials);
  const problems: TemplateProblem[] = [];
  const helperList = [...helpers].sort().join(', ');
  const calls = (node: Node & { path: hbs.AST.PathExpression | hbs.AST.Literal; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const name = simpleName(node.path);
    if (name !== undefined && hasArguments(node) && !helpers.has(name)) problems.push({ ...place(node.path), message: `\`${name}\` is not a helper (the helpers are: ${helperList})` });
  };
  const partial = (node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement) => {
    // `{{> (expr)}}` names its partial at render time.
    if (node.name.type !== 'PathExpression') return;
    const name = (node.name as hbs.AST.PathExpression).original;
    if (!partials.has(name)) problems.push({ ...place(node), message: `\`${name}\` is not a partial (${partials.size ? `the partials are: ${[...partials].sort().join(', ')}` : 'there are none'})` });
  };

  // Each node kind that names a helper or a partial is checked, then walked on as Handlebars' Visitor walks it.
  const checks: [hbs.AST.Node['type'], (node: never) => void][] = [
    ['MustacheStatement', calls],
    ['BlockStatement', calls],
    ['SubExpression', calls],
    ['PartialStatement', partial],
    ['PartialBlockStatement', partial],
  ];
  const visitor = new Handlebars.Visitor() as unknown as Record<string, (node: Node) => void> & { accept(node: Node): void };
  for (const [type, check] of checks) {
    const walk = visitor[type]!;
    visitor[type] = function (this: unknown, node: Node) {
      check(node as never);
      walk.call(this, node);
    };
  }
  visitor.accept(Handlebars.parse(source));
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
