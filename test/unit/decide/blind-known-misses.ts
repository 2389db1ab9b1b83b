/**
 * The requests of the blind set (blind-2026-12.json) the engine missed when the set joined the suite
 * (issue #16), as "id outcome": silent-guess (decided, but not as a statistician would), asked-when-clear,
 * wrong-no-match. Remove a line when its request is answered right; never add one to make a change pass.
 */
export const BLIND_KNOWN_MISSES: string[] = [
  'USArrests-05 silent-guess', // describe Murder, Assault and Rape
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
  'birthwt-08 silent-guess', // does hypertension predict a low birthweight baby when you control for smoking
  'birthwt-11 asked-when-clear', // Is there a significant difference in the mean birth weight between mothers with and withou
  'birthwt-12 asked-when-clear', // correlation between the mother’s weight at her last period and the baby’s weight
  'anorexia-01 asked-when-clear', // Did the girls gain weight overall? compare Prewt and Postwt
  'anorexia-02 asked-when-clear', // does weight after treatment differ among the treatments after adjusting for weight before 
  'anorexia-08 asked-when-clear', // Is there a significant difference in mean pre-treatment weight between the treatment group
  'anorexia-10 asked-when-clear', // how strongly is pre weight correlated with post weight in the control girls?
  'survey-03 asked-when-clear', // correlate writing hand span with non writing hand span
  'survey-05 asked-when-clear', // are students 50/50 left vs right handed (writing hand)?
  'survey-13 asked-when-clear', // Do the observed frequencies of writing hand conform to independence with the way students 
  'cats-01 asked-when-clear', // heart weight vs body weight
  'cats-03 asked-when-clear', // do male cats have heavier hearts than females once body weight is accounted for?
  'cats-04 asked-when-clear', // Welch test: body weight between the sexes
  'cats-05 asked-when-clear', // F test comparing the variance of heart weight in male and female cats
  'cats-07 asked-when-clear', // qq plot heart wt
  'cats-08 asked-when-clear', // Mann Whitney U heart weight by sex
  'cats-10 asked-when-clear', // Is there a significant linear relationship between body weight and heart weight in cats?
  'cats-12 asked-when-clear', // do male and female cats have the same distribution of body weight?
  'cats-13 asked-when-clear', // Mood’s test for scale of heart weight by sex
  'Cars93-03 asked-when-clear', // what predicts highway mileage: weight, horsepower and engine size?
  'Cars93-13 asked-when-clear', // Test whether the mean city fuel economy of front-wheel drive cars differs from that of rea
  'quine-07 asked-when-clear', // histogram of absences
  'quine-08 asked-when-clear', // compare absence across age groups among the slow learners
  'Pima.tr-12 asked-when-clear', // among women older than 30, compare glucose between diabetics and non-diabetics
  'painters-07 asked-when-clear', // describe the four scores
  'Prestige-09 asked-when-clear', // is the percentage of women in an occupation related to its income?
  'Prestige-10 silent-guess', // correlation of census and prestige
  'Salaries-07 asked-when-clear', // does salary differ between disciplines among full professors?
  'Salaries-13 silent-guess', // salary ~ yrs.since.phd + yrs.since.phd^2
  'TitanicSurvival-10 silent-guess', // median survival time of passengers
  'Davis-01 asked-when-clear', // do people report their weight accurately? measured vs reported weight
  'Davis-02 asked-when-clear', // correlation of reported height and actual height
  'Davis-05 asked-when-clear', // do women under-report their weight? paired test, females only
  'Davis-09 asked-when-clear', // Is there a significant difference between the mean actual height and the mean reported hei
  'Davis-10 silent-guess', // compare the weights
  'Baumann-02 asked-when-clear', // post test 3 by group
  'Baumann-03 asked-when-clear', // Tukey comparisons of posttest 2 among the groups
  'Baumann-04 asked-when-clear', // did scores improve from pretest 1 to posttest 1?
  'Baumann-05 asked-when-clear', // were the groups equivalent at baseline on pretest 1?
  'Baumann-07 asked-when-clear', // compare DRTA and Strat on post-test 3
  'Baumann-10 asked-when-clear', // Is there a significant difference in the mean post-test 1 score among the three instructio
  'Indometh-05 asked-when-clear', // compare conc at 0.25 h and 8 h, paired by subject
  'Indometh-06 asked-when-clear', // mean concentration at each time point
  'Indometh-09 asked-when-clear', // Is there a significant effect of time on plasma indometacin concentration, treating subjec
  'state-01 asked-when-clear', // Does the murder rate go with illiteracy?
  'state-10 asked-when-clear', // Is there a significant linear relationship between high school graduation rate and per cap
  'birthwt-18 silent-guess', // summary of age, lwt and bwt
  'cats-15 asked-when-clear', // Test at the 5% level whether the variances of heart weight are equal for male and female c
  'Salaries-17 asked-when-clear', // Fit a multiple linear regression of salary on years since PhD and years of service and tes
];
