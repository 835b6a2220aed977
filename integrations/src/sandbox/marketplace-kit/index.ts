export * from './conversations';
export * from './replies';
export * from './ticker';
export * from './control';
export * from './time';
