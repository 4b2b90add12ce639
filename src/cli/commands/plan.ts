/** `chainproof plan`: how many prompts a paired run needs (STATS.md "How many prompts"). */
import { UserInputError } from '../../core/errors.js';
import { casesNeeded, minimumDetectableDifference } from '../../scoring/sample-size.js';
import { readStringFlag, type Command, type ParsedArgs } from '../command.js';

export const planCommand: Command = {
  name: 'plan',
  summary: 'How many cases a run needs to qualify a fallback (from disagreement rate and margin)',
  usage: 'chainproof plan --disagreement PSI --margin M [--power 0.8] [--cases N] [--json]',
  flags: {
    disagreement: { type: 'string', value: 'PSI', description: 'Share of cases on which the two disagree, (b + c)/n, from a pilot or the last run: 0.10 or 10%' },
    margin: { type: 'string', value: 'M', description: 'Non-inferiority margin: 0.03 or 3%' },
    power: { type: 'string', value: 'P', default: '0.8', description: 'Chance of showing non-inferiority when the two are equal' },
    cases: { type: 'string', value: 'N', description: 'Also print the smallest difference a run of N cases can see' },
    json: { type: 'boolean', description: 'Print one JSON object' },
  },
  async run(args, io) {
    const psi = readRate(args, 'disagreement', { allowZero: true });
    const margin = readRate(args, 'margin', { allowZero: false });
    const power = readRate(args, 'power', { allowZero: false });
    const casesFlag = readStringFlag(args.values, 'cases');
    const cases = casesFlag === undefined ? undefined : Number(casesFlag);
    if (cases !== undefined && !(Number.isInteger(cases) && cases > 0)) {
      throw new UserInputError(`--cases must be a whole number of cases, got "${casesFlag}"`);
    }
    const needed = casesNeeded(psi, margin, power);
    const mdeAtNeeded = needed > 0 ? minimumDetectableDifference(psi, needed, power) : 0;
    const mdeAtCases = cases !== undefined ? minimumDetectableDifference(psi, cases, power) : undefined;
    if (args.values.json === true) {
      const out: Record<string, number> = { disagreement: psi, margin, power, alpha: 0.05, cases_needed: needed, mde_at_cases_needed: mdeAtNeeded };
      if (cases !== undefined && mdeAtCases !== undefined) Object.assign(out, { cases, mde_at_cases: mdeAtCases });
      io.stdout.write(`${JSON.stringify(out)}\n`);
      return 0;
    }
    const lines = [
      // `+ 0` turns casesNeeded's −0 (a disagreement rate of 0) into 0.
      `Cases needed: ${(needed + 0).toLocaleString('en-US')}`,
      `  to show a fallback no worse than the primary by more than ${points(margin)} (one-sided 95%, ${percent(power)} power),`,
      `  when the two disagree on ${percent(psi)} of cases: n ≈ (z₀.₉₅ + z_power)²·ψ/M².`,
      `  At that size a run sees differences of ${points(mdeAtNeeded)} or more (two-sided 5%, ${percent(power)} power).`,
    ];
    if (cases !== undefined && mdeAtCases !== undefined) {
      lines.push(`With ${cases.toLocaleString('en-US')} cases: smallest detectable difference ${points(mdeAtCases)}.`);
    }
    if (psi === 0) lines.push('Note: a disagreement rate of 0 needs no cases in theory; measure it on a pilot run first.');
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** A rate as 0.03 or 3%. Bare numbers of 1 or more are refused: "3" could mean 3 points or 300%. */
function readRate(args: ParsedArgs, name: string, { allowZero }: { allowZero: boolean }): number {
  const raw = readStringFlag(args.values, name);
  if (raw === undefined) throw new UserInputError(`--${name} is required`, { hint: `Example: chainproof plan --disagreement 0.10 --margin 0.03` });
  const text = raw.trim();
  const isPercent = text.endsWith('%');
  const value = Number(isPercent ? text.slice(0, -1) : text) / (isPercent ? 100 : 1);
  const valid = Number.isFinite(value) && value < 1 && (allowZero ? value >= 0 : value > 0) && text !== '' && text !== '%';
  if (!valid) {
    throw new UserInputError(`--${name} must be a rate ${allowZero ? 'from 0' : 'above 0'} and below 1, got "${raw}"`, {
      hint: `Write it as a share (0.03) or a percentage (3%).`,
    });
  }
  return value;
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}

function points(rate: number): string {
  return `${(rate * 100).toFixed(1)} points`;
}
