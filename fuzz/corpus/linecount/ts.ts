import type { A } from './a';
export { b } from 'b';
