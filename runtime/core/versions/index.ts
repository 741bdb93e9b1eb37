export * from './classify';
export * from './questions';
export * from './diff';
export * from './suggest';
export * from './migrate';
