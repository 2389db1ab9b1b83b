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
 * after the second round of #16 work (126/221 right; 201/221 after the third round, which was tuned on
 * it): the kinds still missed are listed in the closing notes. The third round's work on levels, restrictions, shares and designs (level words,
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
  'Pima.tr-12 asked-when-clear', // among women older than 30, compare glucose between diabetics and non-diabetics
  'Prestige-10 silent-guess', // correlation of census and prestige
  'Salaries-07 asked-when-clear', // does salary differ between disciplines among full professors?
  'TitanicSurvival-10 silent-guess', // median survival time of passengers
  'Davis-05 asked-when-clear', // do women under-report their weight? paired test, females only
  'Indometh-05 asked-when-clear', // compare conc at 0.25 h and 8 h, paired by subject
  'Indometh-06 asked-when-clear', // mean concentration at each time point
  'Indometh-09 asked-when-clear', // Is there a significant effect of time on plasma indometacin concentration, treating subjec
  'state-01 asked-when-clear', // Does the murder rate go with illiteracy?
];

/**
 * The requests of the third blind set (blind-2026-12c.json: 249 requests over 16 MASS, carData and base
 * datasets, written by a helper who had not read the rules) the engine missed when it joined the suite:
 * 129/249 before the third round of #16 work, 147/249 after its first half (the second blind set,
 * tuned on, went from 126/221 to 201/221 in that half); the second half was tuned on this set
 * (184/249; its 6 silent guesses are all directional wording that the set reads as one-sided and the
 * engine, by the statistics review's rule, as two-sided with the direction reported). Same rule:
 * remove a line when its request is answered right; never add one.
 */
export const BLIND_2026_12C_KNOWN_MISSES: string[] = [
  'Boston-01 asked-when-clear', // Test at the 5% significance level whether the mean of the median home values differs betwe
  'Boston-07 asked-when-clear', // Spearman rank correlation of crime rate with median house value
  'Boston-08 silent-guess', // Is the average number of rooms per dwelling greater than 6? (decided two-sided: one-sided only when asked in so many words, as Chile-07)
  'Boston-09 asked-when-clear', // For tracts with a highway accessibility index of 24, what\'s the mean property tax rate?
  'Boston-10 asked-when-clear', // Is the share of tracts bordering the river different from 10%?
  'Boston-17 asked-when-clear', // Is there evidence of a linear association between the average number of rooms and median h
  'crabs-05 silent-guess', // Are female crabs\' rear widths larger than the males\'?
  'cabbages-10 silent-guess', // Is there evidence at the 0.05 level that cultivar c39 has a lower mean vitamin C content t
  'biopsy-07 silent-guess', // Is V9 higher in malignant samples than in benign ones?
  'Melanoma-02 silent-guess', // (was asked-when-clear until 'thicker' was read as thickness; now decided two-sided as #18 S1 says, the set wants one-sided) Are ulcerated tumours thicker?
  'UScereal-06 silent-guess', // Is the mean calories per serving above 100? (decided two-sided: one-sided only when asked in so many words, as Chile-07)
  'whiteside-03 asked-when-clear', // Does gas consumption drop after the insulation was installed? (ignore temperature)
  'immer-01 asked-when-clear', // Paired t-test comparing 1931 and 1932 yields
  'immer-02 asked-when-clear', // Did yields decrease from 1931 (Y1) to 1932 (Y2)?
  'immer-04 asked-when-clear', // Friedman test of the 1931 yield across varieties with locations as blocks
  'immer-05 asked-when-clear', // randomized block ANOVA for 1932 yield: variety within location as repeated measure
  'immer-08 asked-when-clear', // Is the average 1932 yield below 100?
  'immer-12 asked-when-clear', // Yields of five barley varieties were recorded at six locations in 1931 and again in 1932. 
  'immer-13 asked-when-clear', // Construct a 95% confidence interval for the mean difference in yield between 1931 and 1932
  'Cushings-08 asked-when-clear', // Mann-Whitney: Tetrahydrocortisone, type a vs type c
  'Cushings-09 asked-when-clear', // Kendall correlation between the metabolites for type c only
  'Mroz-04 asked-when-clear', // Compare family income (excluding the wife\'s) between women in and out of the labour force
  'Mroz-07 asked-when-clear', // frequency distribution of the number of children under 5
  'Mroz-08 asked-when-clear', // Compare the participation rate between women whose husbands attended college and those who
  'Mroz-09 asked-when-clear', // For these couples, test whether the proportion who attended college differs between wives 
  'Mroz-13 asked-when-clear', // Is there evidence that the number of children aged five or younger is associated with the 
  'Chile-07 silent-guess', // Among those planning to vote yes, is the mean age above 40?
  'Arrests-01 asked-when-clear', // Is being released with a summons associated with colour?
  'Arrests-07 asked-when-clear', // Test whether the proportion of arrestees released with a summons is the same in all six ye
  'Arrests-08 silent-guess', // Is the share of arrestees who are employed above 70%?
  'Arrests-10 wrong-no-match', // Is there racial bias?
  'Arrests-13 asked-when-clear', // Is there evidence that the mean age of arrestees differs between those released and those 
  'Duncan-07 asked-when-clear', // Test the claim that white-collar occupations have a higher mean percentage of high-school 
  'OBrienKaiser-13 asked-when-clear', // Test whether the mean pre-treatment score at hour 1 equals 4.
  'OBrienKaiser-14 asked-when-clear', // Is there evidence that follow-up scores at hour 3 differ between treatments A and B?
  'WeightLoss-07 asked-when-clear', // In month 1, did the diet + exercise group lose more weight than the diet-only group?
  'Chile-16 wrong-no-match', // Will the Yes side win?
  'Chile-18 asked-when-clear', // Construct a 95% confidence interval for the proportion of respondents who intend to vote Y
];

/**
 * The requests of the fourth blind set (blind-2026-12d.json: 191 requests over 12 MASS, carData and
 * base datasets, written by a helper who had not read the rules, after the first half of the third
 * round) the engine missed when it joined the suite: 108/191 at the start of the third round, 121/191
 * after its first half, 123/191 after its second half (which was tuned on blind-2026-12c: 147 -> 184
 * there). The fourth round's work on names as people write them (one-letter names read from initials,
 * name pieces in another order, identifiers in the plural, tied values settled by their list or name;
 * short-names.test.ts) used its misses as development examples: 123 -> 145/191, and with the
 * designs and restrictions work of the same round 165/191. Same rule: remove a line when its request is answered right; never add one.
 */
export const BLIND_2026_12D_KNOWN_MISSES: string[] = [
  'oats-09 asked-when-clear', // (was a silent guess, a bar chart, until field plots were read as the units; now asks direction-k-groups) Test at the 5% significance level whether the mean yield of plots receiving no nitrogen is
  'nlschools-02 silent-guess', // Regress language score on IQ, SES and class size
  'nlschools-04 asked-when-clear', // logistic regression predicting whether a class is a combination class from class size
  'nlschools-05 asked-when-clear', // ANCOVA: language score between combined and single-grade classes adjusting for IQ
  'nlschools-11 silent-guess', // Does class matter for language scores?
  'moore-01 asked-when-clear', // Two-way ANOVA of conformity by partner status and authoritarianism category
  'moore-03 asked-when-clear', // Is there evidence that subjects paired with a high-status partner conform more than those 
  'moore-04 asked-when-clear', // ANCOVA of conformity by partner status controlling for F-scale score
  'womenlf-04 asked-when-clear', // Among working women only, logistic regression of part-time vs full-time work on husband\'s
  'womenlf-13 silent-guess', // Is there evidence that the mean husband\'s income is lower for women working full time tha
  'womenlf-16 asked-when-clear', // Cochran-Mantel-Haenszel test of full-time vs not working by children, stratified by region
  'slid-02 silent-guess', // Do men earn more than women? Welch t-test
  'slid-04 silent-guess', // Test at the 5% level whether mean hourly wages are equal across the three language groups.
  'slid-05 asked-when-clear', // spearman correlation of years of schooling and hourly wage
  'un-08 asked-when-clear', // Among African countries, correlation between urbanisation and fertility
  'un-10 silent-guess', // Is there evidence that mean female life expectancy in Latin America exceeds 72 years?
  'un-13 asked-when-clear', // Draw a world map of female life expectancy by country
];

/**
 * The requests of the fifth blind set (blind-2026-12e.json: 177 requests over 11 MASS and carData
 * datasets, written by a helper who had not read the rules and was told the two-sided rule) the engine
 * missed when it joined the suite. No engine work was tuned on it: 114/177 at the start of the third
 * round, 121/177 after its first two parts, 127/177 after its third. Same rule: remove a line when its
 * request is answered right; never add one.
 */
export const BLIND_2026_12E_KNOWN_MISSES: string[] = [
  'Rabbit-06 silent-guess', // Friedman test of BP change over doses with rabbits as blocks, MDL treatment only
  'Rabbit-12 silent-guess', // Blood pressure changes were recorded in rabbits under a control and an MDL treatment. Test
  'leuk-13 asked-when-clear', // Do AG-present patients survive longer? one-sided t-test please
  'leuk-14 asked-when-clear', // (was wrong-no-match: 'survival time' refused the request) Among AG-positive patients only, is there a rank correlation between white cell count and 
  'Insurance-10 silent-guess', // claim rates by district
  'fgl-02 asked-when-clear', // Compare sodium between float-processed and non-float window glass
  'fgl-09 asked-when-clear', // summary statistics for all eight oxides
  'Ornstein-14 asked-when-clear', // Do bigger firms have more interlocking directorates?
  'Insurance-15 silent-guess', // Is there a relationship between age and group?
];

/**
 * The requests of the sixth blind set (blind-2026-12f.json, 192 requests over 16 MASS, carData and base
 * datasets) the engine missed when it joined the suite: 125/192 at the start of the fifth round, 131/192
 * after its engine work (written and scored without anyone who changed the engine reading it), 138/192
 * after the response-name reading, which was tuned on it. Same rule: remove a line when its request is
 * answered right; never add one.
 */
export const BLIND_2026_12F_KNOWN_MISSES: string[] = [
  'ships-02 asked-when-clear', // scatter plot of incidents against aggregate months of service
  'ships-05 asked-when-clear', // Is there evidence at the 5% level that ships operated in 1975-79 had a different mean number of dama
  'cpus-01 asked-when-clear', // regress published performance on cycle time, minimum and maximum main memory, cache size and min/max
  'cpus-02 asked-when-clear', // how well does the estimated performance track the published one? correlation please
  'cpus-03 asked-when-clear', // Is there evidence that Ein-Dor and Feldmesser's estimated performance differs on average from the pu
  'cpus-05 silent-guess', // plot cache size (kb) vs performance
  'cpus-06 asked-when-clear', // rank correlation between machine cycle time and published perfomance
  'cpus-07 asked-when-clear', // Controlling for maximum main memory, is cycle time still associated with performance?
  'UScrime-02 asked-when-clear', // regress the crime rate on 1960 police expenditure, income inequality, mean years of schooling and pr
  'UScrime-08 silent-guess', // boxplot crime rate by So
  'UScrime-09 asked-when-clear', // Is unemployment among urban males aged 14-24 associated with unemployment among urban males aged 35-
  'shoes-01 asked-when-clear', // Each of ten boys wore one shoe soled with material A and one with material B. Do the two materials w
  'shoes-07 asked-when-clear', // how strongly are the wear amounts of the two materials correlated across boys?
  'shoes-09 asked-when-clear', // equivalence test (TOST): is the mean difference between materials within +/-0.5?
  'shoes-12 asked-when-clear', // Give a 99% confidence interval for the mean difference in wear between materials A and B (same boys)
  'Traffic-01 asked-when-clear', // Were there fewer traffic accidents on days when a speed limit was enforced? Test at the 5% level.
  'Traffic-04 asked-when-clear', // plot accidents over the days of the trial
  'Traffic-05 asked-when-clear', // histogram of daily accident counts
  'Traffic-06 asked-when-clear', // chi-square test: is whether a limit was in force independent of the year?
  'Traffic-08 asked-when-clear', // ANCOVA: accidents by speed limit, adjusting for day
  'Traffic-09 asked-when-clear', // In 1961 only, did days with and without a speed limit differ in the number of accidents?
  'Traffic-10 asked-when-clear', // mann-whitney U test of y by limit
  'Wells-02 asked-when-clear', // Are households whose well has a higher arsenic level more likely to switch to a safe well? Use the 5
  'Wells-03 asked-when-clear', // chi square test of switching vs membership in community associations
  'Wells-05 asked-when-clear', // does the proportion who switched differ between association members and non-members? two-proportion 
  'Ericksen-05 silent-guess', // Controlling for the percentage of minority residents, is the rate of conventional enumeration relate
  'Ericksen-06 asked-when-clear', // is education level related to undercount?
  'Ericksen-12 asked-when-clear', // For the cities only, is the crime rate correlated with the minority percentage?
  'Wool-05 asked-when-clear', // scatter plot of cycles against amplitude of loading cycle
  'attenu-02 asked-when-clear', // regress peak acceleration on magnitude and station-hypocenter distance
  'attenu-12 asked-when-clear', // Using a one-sided test, is the mean magnitude of the recordings greater than 6?
  'USJudgeRatings-01 asked-when-clear', // regress worthiness of retention on judicial integrity, demeanor and diligence
  'USJudgeRatings-04 asked-when-clear', // Is the number of contacts of the lawyer with the judge related to the retention rating? 5% level.
  'USJudgeRatings-09 asked-when-clear', // Do lawyers rate judges differently, on average, on preparation for trial than on familiarity with th
  'USJudgeRatings-11 asked-when-clear', // partial correlation between diligence and retention controlling for integrity
  'OME-09 silent-guess', // Is the OME group (low, high, N/A) independent of the type of noise? Use a chi-square test.
  'michelson-01 asked-when-clear', // Speed is recorded in km/s minus 299,000, and the accepted speed of light in air is 734.5 on this sca
  'michelson-03 silent-guess', // boxplot of speed by experiment
  'michelson-06 asked-when-clear', // compare experiment 1 with experiment 5
  'michelson-07 asked-when-clear', // bartlett test for homogeneity of variances across experiments
  'michelson-11 asked-when-clear', // Friedman test of Speed over Expt, with Run as the block
  'coop-10 asked-when-clear', // kruskal-wallis of concentration by specimen
  'coop-11 wrong-no-match', // Is there an interaction between laboratory and specimen in the measured concentration?
  'Pottery-02 asked-when-clear', // MANOVA of Al, Fe, Mg, Ca and Na by kiln site
  'Pottery-05 asked-when-clear', // Do the four kiln sites differ in mean magnesium oxide content? Use alpha = 0.05.
];

/**
 * The requests of the seventh blind set (blind-2026-12g.json, 180 requests over 15 more datasets) the
 * engine missed when it joined the suite: 117/180 on the engine of the session's start, 120/180 after the
 * fifth round's engine work, 122/180 after the response-name reading (none of it tuned on this set).
 */
export const BLIND_2026_12G_KNOWN_MISSES: string[] = [
  'road-05 asked-when-clear', // Is there evidence at the 5% level that states with warmer Januaries have more road deaths? Use a cor
  'road-08 asked-when-clear', // compare road death rates between northern and southern states
  'road-11 asked-when-clear', // partial correlation of rural road length and deaths controlling for number of drivers
  'petrol-04 asked-when-clear', // boxplot of yield by crude sample
  'petrol-08 asked-when-clear', // does yield differ between the crude oil samples? kruskal-wallis
  'petrol-09 asked-when-clear', // regression of yield on end point and crude volatility (ASTM 10% point)
  'petrol-10 asked-when-clear', // After controlling for the gasoline end point, is there a relationship between the API gravity of the
  'cement-04 asked-when-clear', // Hald's cement data: is the heat evolved significantly related to the percentage of ingredient x1? Us
  'cement-07 silent-guess', // describe the cement data
  'cement-08 asked-when-clear', // For the 13 cements, test whether the mean heat evolved exceeds 90 cal/g using a one-tailed test at t
  'stormer-09 asked-when-clear', // Is the relationship between fluid viscosity and time taken linear? Fit a quadratic in viscosity and 
  'housing-04 asked-when-clear', // Do the cell frequencies differ between low and high contact? Use a Mann-Whitney test.
  'housing-05 asked-when-clear', // fit a proportional-odds ordinal logistic model of satisfaction on Infl, Type and Cont, weighted by F
  'housing-06 asked-when-clear', // Is the average cell frequency the same across the three influence levels? One-way ANOVA at α = .05.
  'Adler-07 asked-when-clear', // does the expectancy effect on ratings depend on the instruction the experimenters got?
  'Adler-09 asked-when-clear', // compute the intraclass correlation (ICC) for the experimenters' ratings
  'Ginzberg-03 asked-when-clear', // Is there a significant linear association between patients' need to see the world in black and white
  'Ginzberg-06 asked-when-clear', // describe all six scales
  'Ginzberg-09 asked-when-clear', // compare depression between male and female patients
  'Greene-01 asked-when-clear', // is the judge's decision associated with the independent rater's judgment? chi-square
  'Greene-02 asked-when-clear', // Did judges grant leave to appeal more often than the independent rater judged cases to have merit? U
  'Greene-04 asked-when-clear', // proportion granted leave: english vs french cases
  'Greene-05 silent-guess', // does the grant rate differ between judges
  'Greene-09 asked-when-clear', // Overall, was leave to appeal granted in a proportion of cases different from 50%? Use an exact binom
  'Greene-10 asked-when-clear', // boxplot of nation success logit by location
  'Greene-12 asked-when-clear', // does the success rate of the claimant's country predict whether leave is granted?
  'Highway1-02 asked-when-clear', // accident rate by roadway type - boxplot
  'Highway1-06 silent-guess', // effect of number of lanes on accidents
  'KosteckiDillon-08 asked-when-clear', // Is headache occurrence independent of migraine type (Aura, Mixed, No Aura)? Chi-square test of indep
  'KosteckiDillon-12 asked-when-clear', // Among patients with 'No Aura' migraines only, is mean air quality different on headache days and hea
  'Soils-04 silent-guess', // MANOVA of all nine soil chemistry responses on Contour and Depth
  'Soils-05 asked-when-clear', // The field was laid out in randomized blocks. Test the effect of depth on bulk density, with Block as
  'Soils-11 silent-guess', // For the topsoil layer (0-10 cm) only ... One-way ANOVA. (E4: Depth is no time, so the false time-point question is gone; "topsoil" is read as Top and the range level 0-10 unread)
  'WVS-06 asked-when-clear', // ordered logit (proportional odds) of poverty on religion, degree, country, age and gender
  'WVS-09 asked-when-clear', // In the Swedish sample only, do men and women answer the poverty question differently? Use a chi-squa
  'Sahlins-03 asked-when-clear', // Chayanov's rule predicts that households with more consumers per worker cultivate more land per work
  'Sahlins-04 asked-when-clear', // spearman between the two variables
  'Sahlins-09 silent-guess', // describe both columns
  'Sahlins-11 asked-when-clear', // Test whether the mean land cultivated per gardener in Mazulu equals 2 acres.
  'freeny-02 asked-when-clear', // plot revenue over time (asks: 'revenue' ties lag.quarterly.revenue with y, derived-names.ts)
  'freeny-04 asked-when-clear', // correlation between price index and revenue (asks: 'revenue' ties lag.quarterly.revenue with y, derived-names.ts)
  'freeny-05 asked-when-clear', // Holding income level fixed, is revenue still correlated with the price index? Compute the partial co
  'freeny-06 asked-when-clear', // regress revenue on price (asks: 'revenue' ties lag.quarterly.revenue with y, derived-names.ts)
  'freeny-09 asked-when-clear', // Is there evidence that this quarter's revenue is linearly related to last quarter's revenue? Test th
  'freeny-12 asked-when-clear', // scatter of revenue vs income level with a regression line (asks: 'revenue' ties lag.quarterly.revenue with y, derived-names.ts)
];

/**
 * The requests of the eighth blind set (blind-2026-12h.json, 180 requests over 15 more datasets) the
 * engine missed when it joined the suite: 118/180 on the engine of the session's start, 120/180 after the
 * fifth round's first part, 124/180 after its second (none of it tuned on this set).
 */
export const BLIND_2026_12H_KNOWN_MISSES: string[] = [
  'menarche-04 asked-when-clear', // histogram of Total (girls examined per age group)
  'menarche-07 asked-when-clear', // shapiro wilk on the number of girls examined
  'menarche-11 silent-guess', // Is there evidence at the 5% level that the mean number of girls examined per age group differs from 
  'Rubber-04 silent-guess', // descriptives for all three variables
  'Rubber-10 asked-when-clear', // regress loss on elongation at break
  'muscle-01 asked-when-clear', // scatter of length change vs calcium chloride concentration
  'muscle-07 asked-when-clear', // kruskal-wallis test of length change across the CaCl2 concentrations
  'minn38-02 asked-when-clear', // boxplot of cell frequency by post high school status
  'minn38-08 silent-guess', // is post high school status associated with high school rank? chi-square
  'minn38-12 asked-when-clear', // Test at alpha = .05 whether the cell frequencies f are normally distributed (Shapiro-Wilk).
  'Aids2-01 asked-when-clear', // is survival status (alive/dead) associated with sex?
  'Aids2-02 asked-when-clear', // histogram of age at diagnosis
  'Aids2-07 silent-guess', // among patients who died, does age differ by sex? mann whitney
  'AMSsurvey-02 asked-when-clear', // wilcoxon signed rank comparing the 2008-09 and 2011-12 numbers of new PhDs
  'AMSsurvey-03 asked-when-clear', // scatterplot count11 against count
  'AMSsurvey-05 asked-when-clear', // how strongly are the 2008-09 and 2011-12 counts correlated
  'AMSsurvey-06 silent-guess', // summary of count and count11
  'AMSsurvey-11 asked-when-clear', // At alpha = 0.05, did the mean number of new PhDs per category change between 2008-09 and 2011-12? Us
  'AMSsurvey-12 silent-guess', // Carry out a two-way ANOVA of the 2011-12 counts with sex and citizenship as factors, including their
  'CES11-01 silent-guess', // Is attitude to banning abortion associated with gender?
  'CES11-04 asked-when-clear', // crosstab abortion x religiosity, chi square
  'CES11-07 asked-when-clear', // in Quebec only, is gender associated with the abortion answer
  'CES11-10 asked-when-clear', // does support for banning abortion rise with respondent age?
  'Chirot-02 asked-when-clear', // scatter intensity vs commercialization of agriculture
  'Chirot-03 asked-when-clear', // correlation of traditionalism with intensity of the rebellion
  'Chirot-04 silent-guess', // describe all the variables
  'Chirot-10 asked-when-clear', // Moran's I for spatial autocorrelation of intensity across counties
  'Chirot-11 asked-when-clear', // Is there evidence at the 5% level that commercialization of agriculture is linearly related to the i
  'Florida-01 asked-when-clear', // plot Buchanan votes against Bush votes by county
  'Florida-10 asked-when-clear', // compare Buchanan's vote between counties with the butterfly ballot and the others
  'Florida-11 asked-when-clear', // At the 5% level, test whether the median county difference between Gore and Bush votes is zero (Wilc
  'Freedman-02 asked-when-clear', // scatter plot: population density vs crime rate
  'Freedman-04 silent-guess', // summary statistics of all numeric variables
  'Freedman-10 asked-when-clear', // does the unemployment rate predict crime?
  'Hartnagel-04 asked-when-clear', // paired t-test fconvict vs mconvict
  'Hartnagel-10 silent-guess', // fit the regression of fconvict on tfr with AR(1) errors (GLS)
  'Robey-03 asked-when-clear', // does fertility differ across regions
  'Robey-05 asked-when-clear', // compare regions on fertility adjusting for contraceptive prevalence
  'Robey-10 asked-when-clear', // regress tfr on GDP per capita
  'Robey-11 asked-when-clear', // At the 5% level, is there a significant negative linear relationship between contraceptive prevalenc
  'States-01 asked-when-clear', // regress verbal SAT on percent of graduates taking the SAT and spending per pupil
  'States-03 asked-when-clear', // scatter teacher pay vs math sat
  'States-04 asked-when-clear', // correlation between per-pupil spending and teachers' salaries
  'States-05 asked-when-clear', // boxplot of percent taking the SAT by region
  'States-06 asked-when-clear', // do math SAT means differ across regions?
  'States-10 asked-when-clear', // does median household income predict SAT scores
  'States-11 asked-when-clear', // At alpha = 0.05, is the mean verbal SAT score different from the mean math SAT score across states?
  'Transact-02 asked-when-clear', // scatter of time vs number of type 2 transactions
  'Transact-05 silent-guess', // describe the data
  'Transact-07 asked-when-clear', // lm(time ~ t1 + t2 - 1), regression through the origin
  'Transact-10 asked-when-clear', // compare mean transaction time between bank branches in Sydney and Melbourne
  'Transact-11 silent-guess', // At the 5% level, does the number of type 2 transactions add to the prediction of total time once t1 
  'Wong-04 silent-guess', // regression of verbal IQ on duration of coma, days since awakening and age
  'Wong-12 silent-guess', // Controlling for age, is coma duration associated with performance IQ? Use a partial correlation.
];
