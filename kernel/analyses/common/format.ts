/** APA-style number formatting for summary sentences: the one formatter of kernel/contract/format.ts. */
export { formatBounded, formatCi, formatDf, formatNumber, formatP } from '../../contract/format.js';
