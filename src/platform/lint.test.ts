// The module-boundary lint rule (eslint.config.js, tongxin/module-door) refuses imports past another module's door.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint({
  cwd: process.cwd(),
  // Only the boundary rule, without type information: the planted files are not part of the TypeScript project.
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'tongxin/module-door',
});

async function doorProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('module boundaries', () => {
  it("refuses a module importing another module's repository", async () => {
    const problems = await doorProblems(
      'src/members/planted.ts',
      "import { orgRepository } from '../orgs/repository.js';\nexport const repo = orgRepository;\n",
    );
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /tongxin\/module-door: .*orgs\/repository\.ts.*src\/orgs\/index\.ts/);
  });

  it('refuses tables, use cases, nested files and re-exports past the door', async () => {
    const problems = await doorProblems(
      'src/grids/planted.ts',
      [
        "import type { OrgTables } from '../orgs/tables.js';",
        "import { transferMember } from '../members/transferMember.js';",
        "import { seedCatalogue } from '../cases/catalogue/seedCatalogue.js';",
        "export { recordAudit } from '../audit/recordAudit.js';",
        'export type T = OrgTables;',
        'export const used = [transferMember, seedCatalogue];',
        '',
      ].join('\n'),
    );
    assert.equal(problems.length, 4, problems.join('\n'));
  });

  it("accepts the door, the module's own files and platform", async () => {
    const problems = await doorProblems(
      'src/members/planted.ts',
      [
        "import { orgDirectory } from '../orgs/index.js';",
        "import { memberRepository } from './repository.js';",
        "import { AppError } from '../platform/errors.js';",
        'export const used = [orgDirectory, memberRepository, AppError];',
        '',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
  });

  it('holds tests to the same door, except for a module’s testing.ts builders', async () => {
    assert.equal(
      (
        await doorProblems(
          'src/open311/planted.test.ts',
          "import { caseRepository } from '../cases/repository.js';\nexport const r = caseRepository;\n",
        )
      ).length,
      1,
    );
    assert.deepEqual(
      await doorProblems(
        'src/open311/planted.test.ts',
        "import { rect } from '../grids/testing.js';\nexport const r = rect;\n",
      ),
      [],
    );
    assert.equal(
      (
        await doorProblems(
          'src/open311/planted.ts',
          "import { rect } from '../grids/testing.js';\nexport const r = rect;\n",
        )
      ).length,
      1,
    );
  });

  it('keeps platform free of domain modules, and composition roots at the door', async () => {
    assert.equal(
      (
        await doorProblems(
          'src/platform/planted.ts',
          "import { orgDirectory } from '../orgs/index.js';\nexport const o = orgDirectory;\n",
        )
      ).length,
      1,
    );
    assert.equal(
      (
        await doorProblems(
          'src/demo/planted.ts',
          "import { gridRepository } from '../grids/repository.js';\nexport const g = gridRepository;\n",
        )
      ).length,
      1,
    );
    assert.deepEqual(
      await doorProblems(
        'src/demo/planted.ts',
        "import { gridSeeding } from '../grids/index.js';\nexport const g = gridSeeding;\n",
      ),
      [],
    );
  });
});
