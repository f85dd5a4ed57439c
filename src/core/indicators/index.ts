/** The national 项目支出绩效自评表's indicators and scores (issue 12 B): read, weighed, scored, graded. */
export * from './types';
export { evaluate } from './evaluate';
export { readIndicators, kindOf } from './read';
export { readValue, judge, alignPercent } from './measure';
export type { Reading, Quantity, Direction, Judgement } from './measure';
export { executionScoreOf, formatScore, formatWeight, gradeOf, splitWeight, scoreIndicator } from './score';
