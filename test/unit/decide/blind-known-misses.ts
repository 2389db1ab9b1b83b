/**
 * The requests of the blind set (blind-2026-12.json) the engine missed when the set joined the suite
 * (issue #16), as "id outcome": silent-guess (decided, but not as a statistician would), asked-when-clear,
 * wrong-no-match. Remove a line when its request is answered right; never add one to make a change pass.
 */
export const BLIND_KNOWN_MISSES: string[] = [
  'LifeCycleSavings-03 asked-when-clear', // does income growth predict savings?
  'CO2-09 asked-when-clear', // effect of cold on CO2 uptake
  'infert-08 asked-when-clear', // parity distribution
  'quakes-12 silent-guess', // Does mag follow an exponential distribution?
];

/**
 * The requests of the second blind set (blind-2026-12b.json) the engine missed when it joined the suite,
 * after the second round of #16 work (126/221 right): the kinds still missed are listed in the closing
 * note of that round. The third round's work on levels, restrictions, shares and designs (level words,
 * status words, shares against a value, adjusting-for designs, time-ordered pairs) brought it to 171/221,
 * every fix a principle tested on made-up schemas in levels.test.ts.
 * Same rule: remove a line when its request is answered right; never add one.
 */
export const BLIND_2026_12B_KNOWN_MISSES: string[] = [
  'birthwt-01 asked-when-clear', // Do babies of mothers who smoked during pregnancy weigh less at birth?
  'birthwt-12 asked-when-clear', // correlation between the mother’s weight at her last period and the baby’s weight
  'anorexia-08 asked-when-clear', // Is there a significant difference in mean pre-treatment weight between the treatment group
  'survey-05 asked-when-clear', // are students 50/50 left vs right handed (writing hand)?
  'survey-13 asked-when-clear', // Do the observed frequencies of writing hand conform to independence with the way students 
  'cats-03 asked-when-clear', // do male cats have heavier hearts than females once body weight is accounted for?
  'Cars93-13 asked-when-clear', // Test whether the mean city fuel economy of front-wheel drive cars differs from that of rea
  'quine-07 asked-when-clear', // histogram of absences
  'quine-08 asked-when-clear', // compare absence across age groups among the slow learners
  'Pima.tr-12 asked-when-clear', // among women older than 30, compare glucose between diabetics and non-diabetics
  'Prestige-10 silent-guess', // correlation of census and prestige
  'Salaries-07 asked-when-clear', // does salary differ between disciplines among full professors?
  'TitanicSurvival-10 silent-guess', // median survival time of passengers
  'Davis-05 asked-when-clear', // do women under-report their weight? paired test, females only
  'Davis-10 silent-guess', // compare the weights
  'Indometh-05 asked-when-clear', // compare conc at 0.25 h and 8 h, paired by subject
  'Indometh-06 asked-when-clear', // mean concentration at each time point
  'Indometh-09 asked-when-clear', // Is there a significant effect of time on plasma indometacin concentration, treating subjec
  'state-01 asked-when-clear', // Does the murder rate go with illiteracy?
  'Salaries-17 asked-when-clear', // Fit a multiple linear regression of salary on years since PhD and years of service and tes
];
