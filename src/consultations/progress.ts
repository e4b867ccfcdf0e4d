// Progress of a topic or a council as the weighted sum of its outcomes: Σ wᵢ·pᵢ / Σ wᵢ. Every weight counts as given
// (a weight of 1.0 is not special), a weight of 0 leaves an outcome out, and no outcomes means no progress figure.
export function weightedProgress(outcomes: readonly { weight: number; progress: number }[]): number | null {
  let weights = 0;
  let sum = 0;
  for (const o of outcomes) {
    if (o.weight > 0) {
      weights += o.weight;
      sum += o.weight * Math.max(0, Math.min(100, o.progress));
    }
  }
  return weights === 0 ? null : Math.round((sum / weights) * 10) / 10;
}
