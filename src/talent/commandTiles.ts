// The talent pool's tile on the command view: talents filed, with consent, engaged this year, stale; per child unit
// the talents engaged. Bound into the command view's registry by src/modules.ts.
import { consolePath, yearNumbersTile, type CommandTile } from '../command/index.js';
import { msg } from '../platform/i18n.js';
import { talentNumbers } from './numbers.js';

const talentTile: CommandTile = yearNumbersTile({
  tile: {
    code: 'talent.pool',
    module: 'talent',
    requires: 'talent.read',
    title: msg('人才资源库（本年）', 'Talent pool this year'),
    owner: msg('区委组织部（人才工作）', 'Organisation department (talent work)'),
    freshness: 60,
    levels: ['district', 'town', 'village'],
  },
  page: '/talent',
  numbers: talentNumbers,
  figures: (n, link, unit) => [
    {
      key: 'total',
      label: msg('在库人才', 'Talents filed'),
      value: n.total,
      format: 'count',
      tone: 'normal',
      link,
    },
    {
      key: 'consenting',
      label: msg('同意联系', 'Agreed to be contacted'),
      value: n.consenting,
      format: 'count',
      tone: 'normal',
      link,
    },
    {
      key: 'engaged',
      label: msg('本年参与任用', 'Engaged this year'),
      value: n.engaged,
      format: 'count',
      tone: 'good',
      link,
    },
    {
      key: 'stale',
      label: msg('超过一年未核实', 'Not confirmed for a year'),
      value: n.stale,
      format: 'count',
      tone: n.stale > 0 ? 'warning' : 'normal',
      link: consolePath('/talent', { orgId: unit.id, stale: 'true' }),
    },
  ],
  byChild: { label: msg('本年参与任用', 'Engaged this year'), format: 'count', value: (n) => n.engaged },
});

export const talentCommandTiles: readonly CommandTile[] = [talentTile];
