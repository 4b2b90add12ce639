import { it } from 'vitest';
import { summarizeRun } from '../../src/scoring/summarize-run.js';
import { makeSyntheticRun } from './synthetic-run.js';
it('peek', async () => {
  const run = makeSyntheticRun({ cases: 400, seed: 'ten-points', baselineChain: ['primary', 'worse'], candidates: [
    { id: 'primary', quality: 0.9, errorRate: 0.01, infra: { cloud: 'gcp' } }, { id: 'equal', quality: 0.9, errorRate: 0.02, infra: { cloud: 'gcp' } }, { id: 'worse', quality: 0.8 }, { id: 'few', quality: 0.9, errorRate: 0.5 , errorKind: 'context_length'}] });
  const s = await summarizeRun(run.manifest, run.attempts, { caseTags: run.caseTags });
  console.log(JSON.stringify({ q: s.qualification, r: s.ranking, c: s.chain_prediction, b: s.baseline_prediction, bc: s.baseline_comparison, w: s.warnings, mde: s.mde, sc: s.scorecards[0] }, null, 1));
});
