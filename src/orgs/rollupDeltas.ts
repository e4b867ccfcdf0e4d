// Collects roll-up changes of a bulk operation in memory, summed along each ancestor chain, for one batched write.
export class RollupDeltas {
  readonly values = new Map<string, number>();

  /** Adds delta to metric at every organisation on path ('/a/b/c/'). */
  add(path: string, metric: string, delta: number): void {
    let start = 1;
    for (let end = path.indexOf('/', start); end !== -1; end = path.indexOf('/', start)) {
      if (end > start) {
        const key = `${path.slice(start, end)}\u0000${metric}`;
        this.values.set(key, (this.values.get(key) ?? 0) + delta);
      }
      start = end + 1;
    }
  }
}
