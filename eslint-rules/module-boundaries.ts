// Keeps the layers of docs/architecture.md honest:
// - a server module is reached from outside only through its index.ts;
// - platform code never imports a business module;
// - the web app and the shared contracts never import server code.
import path from 'node:path';
import type { Rule } from 'eslint';

const MODULES_DIR = path.join('src', 'server', 'modules');

function posix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The module folder name when `file` lies inside src/server/modules/<name>/. */
function moduleOf(file: string, root: string): string | undefined {
  const rel = posix(path.relative(root, file));
  const prefix = posix(MODULES_DIR) + '/';
  if (!rel.startsWith(prefix)) return undefined;
  return rel.slice(prefix.length).split('/')[0];
}

function isModuleIndex(file: string, root: string, mod: string): boolean {
  const rel = posix(path.relative(root, file));
  const base = `${posix(MODULES_DIR)}/${mod}/index`;
  return rel === `${base}.ts` || rel === `${base}.js` || rel === `${posix(MODULES_DIR)}/${mod}`;
}

function area(file: string, root: string): 'platform' | 'modules' | 'web' | 'shared' | 'other' {
  const rel = posix(path.relative(root, file));
  if (rel.startsWith('src/server/platform/')) return 'platform';
  if (rel.startsWith('src/server/modules/')) return 'modules';
  if (rel.startsWith('src/web/')) return 'web';
  if (rel.startsWith('src/shared/')) return 'shared';
  return 'other';
}

const rule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce Lotline module and layer boundaries' },
    schema: [],
    messages: {
      throughIndex:
        "Import module '{{module}}' through its index.ts, not '{{specifier}}' (STYLE.md: modules meet at their index).",
      platformImportsModule:
        "Platform code must not import the business module '{{module}}' (DESIGN.md: platform has no business rules).",
      clientImportsServer:
        "'{{specifier}}' is server code; {{area}} code may import only src/shared and its own files.",
    },
  },
  create(context) {
    const root = context.cwd;
    const filename = context.filename;
    const fromModule = moduleOf(filename, root);
    const fromArea = area(filename, root);

    function check(node: Rule.Node, specifier: unknown): void {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(path.dirname(filename), specifier);
      const toModule = moduleOf(target, root);
      const rel = posix(path.relative(root, target));
      if ((fromArea === 'web' || fromArea === 'shared') && rel.startsWith('src/server/')) {
        context.report({
          node,
          messageId: 'clientImportsServer',
          data: { specifier, area: fromArea },
        });
        return;
      }
      if (toModule === undefined || toModule === fromModule) return;
      if (fromArea === 'platform') {
        context.report({ node, messageId: 'platformImportsModule', data: { module: toModule } });
        return;
      }
      if (!isModuleIndex(target, root, toModule)) {
        context.report({ node, messageId: 'throughIndex', data: { module: toModule, specifier } });
      }
    }

    return {
      ImportDeclaration(node) {
        check(node, node.source.value);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source.value);
      },
      ExportAllDeclaration(node) {
        check(node, node.source.value);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
    };
  },
};

export default rule;
