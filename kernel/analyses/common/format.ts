/** APA-style number formatting and typography for summary sentences: the one formatter of kernel/contract/format.ts. */
export {
  formatBounded, formatBoundedCi, formatCi, formatDf, formatNumber, formatP, formatVariableLabel, SYMBOL,
} from '../../contract/format.js';
