// "My queue": the states and levels in which cases wait on a role's seat, derived from the rules table.
import type { Role } from '../../access/index.js';
import { caseLevels, dutyPositions, type CaseLevel, type CaseState, type Seat } from './stateMachine.js';

/** The seat a role's queue is for, and the levels it watches (a district seat queues district-level cases only). */
const queueSeats: Partial<Record<Role, { seat: Seat; levels: readonly CaseLevel[] }>> = {
  townCommand: { seat: 'command', levels: ['town'] },
  districtCommand: { seat: 'command', levels: ['district'] },
  departmentHandler: { seat: 'handler', levels: caseLevels },
  gridWorker: { seat: 'gridWorker', levels: caseLevels },
  villageCadre: { seat: 'villageCadre', levels: caseLevels },
};

/** One group of the queue: these states, at these levels (every level when absent). */
export type QueueGroup = { states: CaseState[]; levels?: CaseLevel[] };

/** The role's queue as groups of states sharing the same levels; empty for roles without a seat on cases. */
export function queueOf(role: Role): QueueGroup[] {
  const entry = queueSeats[role];
  if (entry === undefined) {
    return [];
  }
  const groups = new Map<string, QueueGroup>();
  for (const p of dutyPositions(entry.seat, entry.levels)) {
    const key = p.levels.join(',');
    const isEveryLevel = caseLevels.every((l) => p.levels.includes(l));
    const group = groups.get(key) ?? { states: [], ...(isEveryLevel ? {} : { levels: p.levels }) };
    group.states.push(p.state);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Whether a case in this position is in the role's queue. */
export function isQueued(role: Role, at: { state: CaseState; level: CaseLevel }): boolean {
  return queueOf(role).some(
    (g) => g.states.includes(at.state) && (g.levels === undefined || g.levels.includes(at.level)),
  );
}
