// The alliance's tile on the command view: demands received and met, agreements delivered on time, resources used,
// the members; per child unit the open demands. Bound into the command view's registry by src/modules.ts.
import { yearNumbersTile, type CommandTile, type Tone } from '../command/index.js';
import { msg } from '../platform/i18n.js';
import { allianceNumbers } from './numbers.js';

const rateTone = (rate: number | null): Tone =>
  rate === null ? 'normal' : rate >= 0.9 ? 'good' : rate < 0.7 ? 'danger' : 'warning';

const allianceTile: CommandTile = yearNumbersTile({
  tile: {
    code: 'alliance.lists',
    module: 'alliance',
    requires: 'alliance.read',
    title: msg('区域党建共同体（本年）', 'Party-building alliances this year'),
    owner: msg('区委组织部（区域化党建）', 'Organisation department (regional party building)'),
    freshness: 30,
    levels: ['district', 'town', 'village'],
  },
  page: '/alliance',
  numbers: (db, path, period, now) => allianceNumbers(db, path, period, now),
  figures: (n, link) => [
    {
      key: 'members',
      label: msg('成员单位', 'Member units'),
      value: n.members,
      format: 'count',
      tone: 'normal',
      link,
    },
    {
      key: 'demands',
      label: msg('需求清单', 'Demands listed'),
      value: n.demands,
      format: 'count',
      tone: 'normal',
      link,
    },
    {
      key: 'demandsMet',
      label: msg('需求已办结', 'Demands met'),
      value: n.demandsMet,
      format: 'count',
      tone: 'good',
      link,
    },
    {
      key: 'demandsOpen',
      label: msg('待对接需求', 'Demands waiting'),
      value: n.demandsOpen,
      format: 'count',
      tone: n.demandsOpen > 0 ? 'warning' : 'normal',
      link,
    },
    {
      key: 'onTimeRate',
      label: msg('按期落实率', 'Delivered on time'),
      value: n.onTimeRate,
      format: 'percent',
      tone: rateTone(n.onTimeRate),
      link,
    },
    {
      key: 'resourcesUsed',
      label: msg('资源已用', 'Resources used'),
      value: n.resourcesUsed,
      format: 'count',
      tone: 'normal',
      link,
    },
  ],
  byChild: { label: msg('待对接需求', 'Demands waiting'), format: 'count', value: (n) => n.demandsOpen },
});

export const allianceCommandTiles: readonly CommandTile[] = [allianceTile];
