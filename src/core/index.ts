/** The core's public face: shells (CLI, Excel, task pane) import from here. */
export * from './snapshot';
export * from './address';
export * from './money';
export * from './dates';
export * from './rate';
export * from './fields';
export * from './issues';
export * from './detect';
export * from './model';
export * from './settings';
export * from './compute';
export * from './plan';
export * from './analyze';
export * from './summary';
export * from './cell-text';
export { deviationNote, wan } from './notes';
export { nameKey, toHalfWidth } from './text';
export * from './report';
