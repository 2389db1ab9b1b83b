/**
 * The numbers of a power request in plain language ("how many per group for 80% power to detect
 * d = 0.5", "a medium effect", "4 groups", "from 50% to 75%", "with 30 per group"), as options of the
 * power analyses. Words for effect sizes follow Cohen (1988): d .2/.5/.8, f .1/.25/.4.
 */
import type { AnalysisOptions } from '../types.js';

const NUMBER_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const SIZES: Record<string, [number, number]> = { small: [0.2, 0.1], medium: [0.5, 0.25], moderate: [0.5, 0.25], large: [0.8, 0.4] };

/** A proportion written as "75%" or "0.75". */
function proportion(text: string): number {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}

/** Whether a power request gives Cohen's f ("f = 0.25", "Cohen's f of 0.1"): the effect size of an ANOVA of several groups. */
export function givesCohensF(prompt: string): boolean {
  return /(?:^|[^a-z])f\s*(?:=|of|is)\s*\d*\.?\d/.test(prompt.toLowerCase()) || /cohen'?s\s+f\b/.test(prompt.toLowerCase());
}

/** Options a power request states; `f` says whether the effect is Cohen's f (ANOVA) rather than d. */
export function readPowerOptions(prompt: string, task: string, confLevel?: number): Partial<AnalysisOptions> {
  const text = prompt.toLowerCase().replace(/’/g, "'");
  const out: Partial<AnalysisOptions> = {};
  const power = /(\d+(?:\.\d+)?)\s*%\s*power/.exec(text) ?? /power\s*(?:of|=|at|to)?\s*(\d+(?:\.\d+)?%?|\.\d+)/.exec(text);
  if (power) {
    const value = power[0].includes('%') || Number(power[1]) > 1 ? Number(power[1].replace('%', '')) / 100 : Number(power[1]);
    if (value > 0 && value < 1) out.power = value;
  }
  const effect = /(?:cohen'?s\s+)?\b(?:d|f|effect size|effect)\s*(?:=|of|is)\s*(\d*\.?\d+)/.exec(text) ?? /\b(?:d|f)\s+(\d*\.\d+)/.exec(text);
  if (effect) out.effectSize = Number(effect[1]);
  else {
    const word = /\b(small|medium|moderate|large)\s+effect/.exec(text);
    if (word) out.effectSize = SIZES[word[1]][task === 'power_anova' ? 1 : 0];
  }
  if (task === 'power_anova') {
    const groups = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:groups|conditions|arms|levels)/.exec(text);
    if (groups) out.groups = NUMBER_WORDS[groups[1]] ?? Number(groups[1]);
    else {
      // "3 planting dates ... how many heads per date": the things counted per one of them are the groups.
      for (const per of text.matchAll(/\bper\s+([a-z]+)/g)) {
        const counted = new RegExp(`\\b(\\d+|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:[a-z]+\\s+)?${per[1]}e?s\\b`).exec(text);
        const k = counted ? (NUMBER_WORDS[counted[1]] ?? Number(counted[1])) : undefined;
        if (k !== undefined && k >= 2) {
          out.groups = k;
          break;
        }
      }
    }
  }
  if (task === 'power_prop') {
    const pair = /(\d+(?:\.\d+)?%|0?\.\d+)\s*(?:vs\.?|versus|and|to)\s*(\d+(?:\.\d+)?%|0?\.\d+)/.exec(text);
    if (pair) {
      out.p1 = proportion(pair[1]);
      out.p2 = proportion(pair[2]);
    }
  }
  const n = /\bwith\s+(\d+)\s+(?:per group|participants|subjects|people|per arm|in each group|each)/.exec(text) ?? /\bn\s*=\s*(\d+)/.exec(text);
  if (n) out.n = Number(n[1]);
  if (/\bpaired\b|\bwithin[- ]subjects?\b|\bsame (?:subjects|participants)\b/.test(text) && task === 'power_ttest') out.designType = 'paired';
  else if (/\bone[- ]sample\b/.test(text) && task === 'power_ttest') out.designType = 'one_sample';
  if (/\bone[- ]sided\b|\bone[- ]tailed\b|\bdirectional\b/.test(text) && task !== 'power_anova') out.alternative = 'greater';
  if (confLevel !== undefined) out.alpha = Math.round((1 - confLevel) * 1e12) / 1e12;
  return out;
}
