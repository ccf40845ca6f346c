// The addition task's metric: exact-match accuracy of sums on held-out "a+b=c" lines. Pure TS: the
// worker generates each answer from the prompt "a+b=", this file parses and scores.

export interface AdditionProblem {
  /** What the network is primed with, e.g. "216+648=". */
  prompt: string;
  /** The correct continuation before the line ends, e.g. "864". */
  answer: string;
}

const LINE = /^(\d+)\+(\d+)=(\d+)$/;

/** Well-formed, correct lines of `text`, at most `limit` of them, in order. */
export function additionProblems(text: string, limit: number): AdditionProblem[] {
  const problems: AdditionProblem[] = [];
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m || Number(m[1]) + Number(m[2]) !== Number(m[3])) continue;
    problems.push({ prompt: `${m[1]}+${m[2]}=`, answer: m[3]! });
    if (problems.length >= limit) break;
  }
  return problems;
}

/** Whether the corpus looks like the addition task (most lines are sums). */
export function isAdditionCorpus(text: string): boolean {
  const lines = text
    .slice(0, 5000)
    .split('\n')
    .filter((l) => l.length > 0);
  return lines.length >= 10 && lines.filter((l) => LINE.test(l)).length >= 0.9 * lines.length;
}

/** The answer part of a generated continuation: up to the first line end. */
export function answerOf(generated: string): string {
  const end = generated.indexOf('\n');
  return end >= 0 ? generated.slice(0, end) : generated;
}

/** Share of problems whose generated answer matches exactly. */
export function exactMatchAccuracy(problems: AdditionProblem[], generated: string[]): number {
  if (problems.length === 0) return Number.NaN;
  const right = problems.filter((p, i) => answerOf(generated[i] ?? '') === p.answer).length;
  return right / problems.length;
}
