// A questionnaire as data: single and multiple choice, scales and text, each question optionally shown only when an
// earlier answer holds one of some options. Pure functions: the shape check, the check of one household's answers,
// and the score of a set of answers, where "don't know" leaves the score (or counts as the lowest option) by rule.
import type { FieldError } from '../platform/errors.js';

export type QuestionKind = 'single' | 'multiple' | 'scale' | 'text';

export type SurveyOption = {
  code: string;
  label: string;
  /** Points of this option out of 100; options without points do not score (e.g. "other"). */
  score?: number;
  /** A "don't know" answer: scored by the survey's rule, never as an opinion. */
  dontKnow?: boolean;
};

export type SurveyQuestion = {
  code: string;
  kind: QuestionKind;
  text: string;
  required: boolean;
  /** Choices of single and multiple questions. */
  options?: SurveyOption[];
  /** The points of a scale run from min (0 points) to max (100). */
  scale?: { min: number; max: number; dontKnow: boolean };
  /** Asked only when the earlier question's answer holds one of these option codes. */
  showIf?: { question: string; anyOf: string[] };
  /** Whether the question counts toward the satisfaction score (single and scale questions). */
  scored: boolean;
};

export type Questionnaire = { questions: SurveyQuestion[] };

/** One question's answer: option codes, a scale value, a text, or "don't know" on a scale. */
export type AnswerValue = { options?: string[]; value?: number; dontKnow?: boolean; text?: string };

export type Answers = Record<string, AnswerValue>;

export type DontKnowRule = 'exclude' | 'lowest';

const CODE = /^[a-z][a-zA-Z0-9_]{0,29}$/;

/** Errors in a questionnaire's shape; empty when it may be used. */
export function questionnaireErrors(q: Questionnaire): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, SurveyQuestion>();
  if (q.questions.length === 0) {
    errors.push({ field: 'questions', message: 'at least one question' });
  }
  q.questions.forEach((question, i) => {
    const at = `questions/${i}`;
    if (!CODE.test(question.code) || seen.has(question.code)) {
      errors.push({ field: `${at}/code`, message: 'a unique code of letters, digits and _' });
    }
    if (question.kind === 'single' || question.kind === 'multiple') {
      const options = question.options ?? [];
      const codes = new Set(options.map((o) => o.code));
      if (options.length < 2 || codes.size !== options.length) {
        errors.push({ field: `${at}/options`, message: 'two or more options with unique codes' });
      }
      if (options.some((o) => o.score !== undefined && (o.score < 0 || o.score > 100))) {
        errors.push({ field: `${at}/options`, message: 'option scores lie between 0 and 100' });
      }
      if (question.scored && question.kind === 'single' && !options.some((o) => o.score !== undefined)) {
        errors.push({ field: `${at}/options`, message: 'a scored question needs scored options' });
      }
    }
    if (question.kind === 'scale') {
      const s = question.scale;
      if (s === undefined || !Number.isInteger(s.min) || !Number.isInteger(s.max) || s.max - s.min < 1) {
        errors.push({ field: `${at}/scale`, message: 'a scale from a smaller to a larger whole number' });
      }
    }
    if (question.scored && (question.kind === 'multiple' || question.kind === 'text')) {
      errors.push({ field: `${at}/scored`, message: 'only single-choice and scale questions score' });
    }
    if (question.showIf !== undefined) {
      const earlier = seen.get(question.showIf.question);
      const known = new Set((earlier?.options ?? []).map((o) => o.code));
      if (
        earlier === undefined ||
        question.showIf.anyOf.length === 0 ||
        question.showIf.anyOf.some((c) => !known.has(c))
      ) {
        errors.push({ field: `${at}/showIf`, message: 'names options of an earlier choice question' });
      }
    }
    seen.set(question.code, question);
  });
  return errors;
}

/** Whether a question is asked, given the answers to the questions before it. */
export function isAsked(question: SurveyQuestion, answers: Answers): boolean {
  if (question.showIf === undefined) {
    return true;
  }
  const earlier = answers[question.showIf.question];
  return (earlier?.options ?? []).some((c) => question.showIf!.anyOf.includes(c));
}

/** Errors in one household's answers; an answer to a question not asked is an error too. */
export function answerErrors(q: Questionnaire, answers: Answers): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(q.questions.map((x) => x.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) {
      errors.push({ field: `answers/${code}`, message: 'no such question' });
    }
  }
  for (const question of q.questions) {
    const a = answers[question.code];
    const at = `answers/${question.code}`;
    if (!isAsked(question, answers)) {
      if (a !== undefined) {
        errors.push({ field: at, message: 'not asked for the earlier answer' });
      }
      continue;
    }
    if (a === undefined) {
      if (question.required) {
        errors.push({ field: at, message: 'required' });
      }
      continue;
    }
    const options = new Set((question.options ?? []).map((o) => o.code));
    switch (question.kind) {
      case 'single':
        if (a.options?.length !== 1 || !options.has(a.options[0]!)) {
          errors.push({ field: at, message: 'one of the options' });
        }
        break;
      case 'multiple':
        if (
          a.options === undefined ||
          a.options.length === 0 ||
          new Set(a.options).size !== a.options.length ||
          a.options.some((c) => !options.has(c))
        ) {
          errors.push({ field: at, message: 'one or more of the options, each once' });
        }
        break;
      case 'scale': {
        const s = question.scale!;
        const isDontKnow = a.dontKnow === true && s.dontKnow;
        const isValue =
          a.value !== undefined && Number.isInteger(a.value) && a.value >= s.min && a.value <= s.max;
        if (isDontKnow === isValue) {
          errors.push({
            field: at,
            message: `a whole number from ${s.min} to ${s.max}${s.dontKnow ? ' or "don’t know"' : ''}`,
          });
        }
        break;
      }
      case 'text':
        if (a.text === undefined || a.text.trim() === '' || a.text.length > 1000) {
          errors.push({ field: at, message: 'a text of up to 1000 characters' });
        }
        break;
    }
  }
  return errors;
}

/**
 * One household's points out of 100 on the scored questions it answered: the mean of its scored answers, with
 * "don't know" left out (rule 'exclude') or counted as 0 points (rule 'lowest'). Null when nothing scored.
 */
export function answerScore(q: Questionnaire, answers: Answers, rule: DontKnowRule): number | null {
  const points: number[] = [];
  for (const question of q.questions) {
    const a = answers[question.code];
    if (!question.scored || a === undefined) {
      continue;
    }
    if (question.kind === 'single') {
      const option = (question.options ?? []).find((o) => o.code === a.options?.[0]);
      if (option === undefined) {
        continue;
      }
      if (option.dontKnow === true) {
        if (rule === 'lowest') {
          points.push(0);
        }
      } else if (option.score !== undefined) {
        points.push(option.score);
      }
    } else if (question.kind === 'scale') {
      const s = question.scale!;
      if (a.dontKnow === true) {
        if (rule === 'lowest') {
          points.push(0);
        }
      } else if (a.value !== undefined) {
        points.push(((a.value - s.min) / (s.max - s.min)) * 100);
      }
    }
  }
  return points.length === 0 ? null : points.reduce((x, y) => x + y, 0) / points.length;
}

/** Tallies per question: counts per option (or scale value, "dontKnow"), and how many answered it. */
export type QuestionTally = { code: string; answered: number; counts: Record<string, number> };

export function tally(q: Questionnaire, all: Answers[]): QuestionTally[] {
  return q.questions.map((question) => {
    const counts: Record<string, number> = {};
    let answered = 0;
    for (const answers of all) {
      const a = answers[question.code];
      if (a === undefined) {
        continue;
      }
      answered++;
      const keys =
        question.kind === 'scale'
          ? [a.dontKnow === true ? 'dontKnow' : String(a.value)]
          : question.kind === 'text'
            ? []
            : (a.options ?? []);
      for (const k of keys) {
        counts[k] = (counts[k] ?? 0) + 1;
      }
    }
    return { code: question.code, answered, counts };
  });
}

/** The default questionnaire of the yearly resident satisfaction survey (人民满意度测评). */
export function defaultQuestionnaire(): Questionnaire {
  const satisfied = (code: string, text: string): SurveyQuestion => ({
    code,
    kind: 'single',
    text,
    required: true,
    scored: true,
    options: [
      { code: 'very', label: '非常满意', score: 100 },
      { code: 'fairly', label: '比较满意', score: 80 },
      { code: 'neutral', label: '一般', score: 60 },
      { code: 'not', label: '不满意', score: 0 },
      { code: 'dontKnow', label: '不了解', dontKnow: true },
    ],
  });
  return {
    questions: [
      satisfied('overall', '您对本村（社区）党组织和村（居）委会工作的总体评价'),
      satisfied('appeals', '您反映的诉求或问题得到解决的情况'),
      {
        code: 'appealsWhy',
        kind: 'multiple',
        text: '不满意的主要原因（可多选）',
        required: false,
        scored: false,
        showIf: { question: 'appeals', anyOf: ['not'] },
        options: [
          { code: 'slow', label: '办理太慢' },
          { code: 'unsolved', label: '问题没有解决' },
          { code: 'attitude', label: '工作态度不好' },
          { code: 'noFeedback', label: '没有答复' },
        ],
      },
      {
        code: 'cadres',
        kind: 'scale',
        text: '村（社区）干部联系群众、上门走访的情况（1—5 分）',
        required: true,
        scored: true,
        scale: { min: 1, max: 5, dontKnow: true },
      },
      satisfied('environment', '您对村（社区）环境卫生和公共设施的评价'),
      satisfied('safety', '您对村（社区）治安和邻里和谐的评价'),
      {
        code: 'suggestion',
        kind: 'text',
        text: '您对村（社区）工作的意见和建议',
        required: false,
        scored: false,
      },
    ],
  };
}
