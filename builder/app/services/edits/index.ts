export * from './json';
export * from './kinds';
export * from './names';
export * from './structure';
export * from './questions';
export * from './layout';
export * from './template';
export * from './rekey';
