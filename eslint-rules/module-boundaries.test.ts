import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import rule from './module-boundaries.ts';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..');
const file = (rel: string) => path.join(root, rel);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2024, sourceType: 'module' } });

tester.run('module-boundaries', rule, {
  valid: [
    {
      filename: file('src/server/modules/lots/lots.service.ts'),
      code: "import { findItem } from '../items/index.ts';",
    },
    {
      filename: file('src/server/modules/lots/lots.service.ts'),
      code: "import { x } from './lots.repository.ts';",
    },
    {
      filename: file('src/server/modules/lots/lots.service.ts'),
      code: "import { audit } from '../../platform/audit.ts';",
    },
    {
      filename: file('src/server/app.ts'),
      code: "import { lotsRoutes } from './modules/lots/index.ts';",
    },
    {
      filename: file('src/web/modules/lots/LotList.tsx'),
      code: "import { ERROR_CODES } from '../../../shared/error-codes.ts';",
    },
    { filename: file('src/server/modules/lots/lots.service.ts'), code: "import { z } from 'zod';" },
  ],
  invalid: [
    {
      filename: file('src/server/modules/lots/lots.service.ts'),
      code: "import { itemsTable } from '../items/items.repository.ts';",

      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: file('src/server/app.ts'),
      code: "export { x } from './modules/lots/lots.service.ts';",

      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: file('src/server/modules/lots/lots.service.ts'),
      code: "const m = await import('../items/items.service.ts');",

      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: file('src/server/platform/audit.ts'),
      code: "import { users } from '../modules/users/index.ts';",

      errors: [{ messageId: 'platformImportsModule' }],
    },
    {
      filename: file('src/web/App.tsx'),
      code: "import { buildApp } from '../server/app.ts';",

      errors: [{ messageId: 'clientImportsServer' }],
    },
  ],
});
