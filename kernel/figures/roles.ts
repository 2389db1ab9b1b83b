/** The column roles each figure task reads (CONTRACT.md names), with the fallbacks a decision may use. */
import { requireRole } from '../analyses/common/select.js';
import type { AnalysisRequest, FigureId } from '../types.js';

/** The single-variable column of histogram, kde, qqplot and bar (`column`, else `outcome`). */
export function columnRole(request: AnalysisRequest): string {
  return requireRole(request.roles.column ?? request.roles.outcome, { analysis: request.analysis, role: 'column' });
}

/** The numeric outcome of boxplot and violin (`outcome`, else `column`). */
export function outcomeRole(request: AnalysisRequest): string {
  return requireRole(request.roles.outcome ?? request.roles.column, { analysis: request.analysis, role: 'outcome' });
}

/** The x and y of scatter and regplot. */
export function xyRoles(request: AnalysisRequest): { x: string; y: string } {
  return {
    x: requireRole(request.roles.x, { analysis: request.analysis, role: 'x' }),
    y: requireRole(request.roles.y, { analysis: request.analysis, role: 'y' }),
  };
}

/** The columns a figure task loads: its roles, in role order, without duplicates. */
export function columnsForFigureRoles(figure: FigureId, request: AnalysisRequest): string[] {
  const r = request.roles;
  const named: (string | undefined)[] =
    figure === 'scatter' || figure === 'regplot'
      ? [r.x, r.y, r.color]
      : figure === 'boxplot' || figure === 'violin'
        ? [r.outcome ?? r.column, r.group]
        : [r.column ?? r.outcome, r.group];
  return [...new Set(named.filter((n): n is string => typeof n === 'string' && n.length > 0))];
}
