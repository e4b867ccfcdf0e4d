// The source registry: a computed item names a source by code, and the source computes the figure of one village for
// the assessed period together with the records behind it. Modules contribute sources through src/modules.ts
// (registerAssessmentSources), so this module never imports its contributors.
import type { Database } from '../platform/db/database.js';
import type { Message } from '../platform/i18n.js';

export type SourceOrg = { id: string; path: string; name: string; level: string };

export type SourcePeriod = { year: number; from: number; to: number };

/** Where the console finds the records behind a figure: a module's records of an org over the period, or by ids. */
export type SourceRecords = {
  kind: string;
  orgId: string;
  from: number;
  to: number;
  ids?: string[];
  count?: number;
};

export type SourceFigure = { value: number | null; records: SourceRecords };

export type SourceContext = {
  database: Database;
  now: number;
  /** Shares one computation between the sources of one village (e.g. the case indicators every case rate reads). */
  once<T>(key: string, compute: () => Promise<T>): Promise<T>;
};

export type AssessmentSource = {
  code: string;
  /** The module that owns the records. */
  module: string;
  name: Message;
  unit: 'rate' | 'count' | 'flag' | 'share' | 'years';
  compute(ctx: SourceContext, org: SourceOrg, period: SourcePeriod): Promise<SourceFigure>;
};

const registry = new Map<string, { source: AssessmentSource; by: string }>();

/** Registers a module's sources; one code registered by two modules is a wiring mistake. */
export function registerAssessmentSources(by: string, sources: readonly AssessmentSource[]): void {
  for (const source of sources) {
    const existing = registry.get(source.code);
    if (existing !== undefined && existing.by !== by) {
      throw new Error(`assessment source ${source.code} is registered by ${existing.by} and ${by}`);
    }
    registry.set(source.code, { source, by });
  }
}

export function findSource(code: string): AssessmentSource | undefined {
  return registry.get(code)?.source;
}

export function registeredSources(): AssessmentSource[] {
  return [...registry.values()].map((r) => r.source).sort((a, b) => a.code.localeCompare(b.code));
}

export function sourceContext(database: Database, now: number): SourceContext {
  const memo = new Map<string, Promise<unknown>>();
  return {
    database,
    now,
    once<T>(key: string, compute: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined;
      if (p === undefined) {
        p = compute();
        memo.set(key, p);
      }
      return p;
    },
  };
}
