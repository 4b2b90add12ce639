/**
 * JUnit XML, so CI systems show qualification failures natively: one test per candidate ×
 * validator, one per candidate for its qualification, and one per gate rule when the gate ran.
 *
 * A candidate × validator test fails when the candidate is not qualified and does worse than the
 * primary on that validator: that names the validator that cost it the place. The primary's own
 * tests never fail (it is the reference); a not-enough-evidence candidate is skipped, not failed.
 */
import type { RunRecordFile } from '../record/types.js';
import type { Qualification, Scorecard } from '../scoring/types.js';
import { collectFailures, type CandidateFindings } from './collect-failures.js';
import { escapeXml } from './escape.js';
import { formatRate } from './format.js';
import type { AttemptSource, ReporterOptions } from './types.js';

interface TestCase {
  classname: string;
  name: string;
  outcome: { kind: 'pass' } | { kind: 'failure'; message: string; body: string } | { kind: 'skipped'; message: string };
  output?: string;
}

export async function renderJunit(record: RunRecordFile, attempts?: AttemptSource, options: ReporterOptions = {}): Promise<string> {
  const findings = await collectFailures(attempts, 5);
  const cards = new Map(record.summary.scorecards.map((card) => [card.candidate_id, card]));
  const primaryCard = cards.get(record.primary);
  const suites: Array<{ name: string; cases: TestCase[] }> = [];

  const candidateCases: TestCase[] = [];
  for (const qualification of orderedQualifications(record)) {
    const card = cards.get(qualification.candidate_id);
    candidateCases.push(describeQualification(qualification));
    for (const validator of record.validators) {
      candidateCases.push(describeValidator(qualification, validator, card, primaryCard, findings.get(qualification.candidate_id)));
    }
  }
  suites.push({ name: `chainproof.${record.suite.name}.candidates`, cases: candidateCases });

  if (options.gate) {
    suites.push({
      name: `chainproof.${record.suite.name}.gate`,
      cases: options.gate.rules.map((rule) => ({
        classname: 'gate',
        name: rule.name,
        outcome: rule.pass ? { kind: 'pass' } : { kind: 'failure', message: rule.detail, body: rule.detail },
        output: rule.detail,
      })),
    });
  }
  return serialize(record, suites);
}

function orderedQualifications(record: RunRecordFile): Qualification[] {
  const byId = new Map(record.summary.qualification.map((entry) => [entry.candidate_id, entry]));
  const order = record.summary.ranking.length > 0 ? record.summary.ranking.map((entry) => entry.candidate_id) : record.candidates.map((candidate) => candidate.id);
  return order.map((id) => byId.get(id) ?? { candidate_id: id, status: 'not_enough_evidence', qualified: false, reasons: ['not scored'] });
}

function describeQualification(qualification: Qualification): TestCase {
  const reasons = qualification.reasons.join('\n');
  const base = { classname: `candidate.${qualification.candidate_id}`, name: 'qualification', output: reasons };
  if (qualification.qualified) return { ...base, outcome: { kind: 'pass' } };
  if (qualification.status === 'not_enough_evidence') return { ...base, outcome: { kind: 'skipped', message: qualification.reasons[0] ?? 'not enough evidence' } };
  return { ...base, outcome: { kind: 'failure', message: `${qualification.status}: ${qualification.reasons[0] ?? ''}`, body: reasons } };
}

function describeValidator(
  qualification: Qualification,
  validator: string,
  card: Scorecard | undefined,
  primary: Scorecard | undefined,
  findings: CandidateFindings | undefined,
): TestCase {
  const estimate = card?.pass_by_validator[validator];
  const reference = primary?.pass_by_validator[validator];
  const failing = findings?.shown.filter((failure) => failure.validator === validator) ?? [];
  const listing = failing.map((failure) => `${failure.case_id}: ${failure.reason} | ${failure.excerpt}`).join('\n');
  const base = {
    classname: `candidate.${qualification.candidate_id}`,
    name: `validator.${validator}`,
    output: `pass rate ${formatRate(estimate)}${reference && qualification.status !== 'primary' ? `; primary ${formatRate(reference)}` : ''}${listing ? `\n${listing}` : ''}`,
  };
  if (!estimate) return { ...base, outcome: { kind: 'skipped', message: `no verdicts from ${validator}` } };
  if (qualification.qualified || !reference) return { ...base, outcome: { kind: 'pass' } };
  if (qualification.status === 'not_enough_evidence') return { ...base, outcome: { kind: 'skipped', message: qualification.reasons[0] ?? 'not enough evidence' } };
  if (estimate.rate < reference.rate) {
    const message = `${validator}: ${formatRate(estimate)} vs primary ${formatRate(reference)}`;
    return { ...base, outcome: { kind: 'failure', message, body: `${message}\n${listing}` } };
  }
  return { ...base, outcome: { kind: 'pass' } };
}

function serialize(record: RunRecordFile, suites: Array<{ name: string; cases: TestCase[] }>): string {
  const count = (cases: TestCase[], kind: string) => cases.filter((test) => test.outcome.kind === kind).length;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chainproof" tests="${all.length}" failures="${count(all, 'failure')}" errors="0" skipped="${count(all, 'skipped')}">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="0" skipped="${count(suite.cases, 'skipped')}" timestamp="${escapeXml(record.created_at)}">`,
      '    <properties>',
      `      <property name="run_id" value="${escapeXml(record.run_id)}"/>`,
      `      <property name="simulated" value="${record.simulated}"/>`,
      `      <property name="schema_version" value="${record.schema_version}"/>`,
      '    </properties>',
    );
    for (const test of suite.cases) {
      lines.push(`    <testcase classname="${escapeXml(test.classname)}" name="${escapeXml(test.name)}" time="0">`);
      if (test.outcome.kind === 'failure') {
        lines.push(`      <failure message="${escapeXml(test.outcome.message)}" type="chainproof">${escapeXml(test.outcome.body)}</failure>`);
      } else if (test.outcome.kind === 'skipped') {
        lines.push(`      <skipped message="${escapeXml(test.outcome.message)}"/>`);
      }
      if (test.output) lines.push(`      <system-out>${escapeXml(test.output)}</system-out>`);
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return lines.join('\n') + '\n';
}
