export * from './envelope';
export * from './check';
export * from './create';
export * from './parse';
export * from './check-answers';
export * from './draft-answers';
