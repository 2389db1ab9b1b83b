/**
 * The contract of CONTRACT.md in code: the camelCase <-> snake_case conversions of the JSON surface
 * and the task catalogue. A leaf: it imports nothing of the kernel but its types.
 */
export { camelKey, camelKeys, decodeInfinities, encodeNonFinite, numberFromJson, snakeKey, snakeKeys, tableToJson } from './keys.js';
export { TASKS, taskField, taskTitle, type TaskInfo } from './tasks.js';
