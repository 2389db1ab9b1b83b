# generate_blind_2026_12e_data.R
# Writes the 11 datasets of the blind decision set "blind-2026-12e" as plain CSV files
# (factors as text, unit row names kept as a column, numeric codes as R has them, NA as empty).
# Sources: MASS (Rabbit, genotype, mammals, leuk, Insurance, fgl), carData (Blackmore, Angell,
# Ornstein, Friendly, Leinhardt).
# Run: Rscript generate_blind_2026_12e_data.R [OUTDIR]   (default test/reference/data/blind-2026-12e)
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "blind_csv.R"))
out <- blind_out("test/reference/data/blind-2026-12e")
put(MASS::Rabbit, "Rabbit")
put(MASS::genotype, "genotype")
put(MASS::mammals, "mammals", "species")
put(MASS::leuk, "leuk")
put(MASS::Insurance, "Insurance")
put(MASS::fgl, "fgl")
put(carData::Blackmore, "Blackmore")
put(carData::Angell, "Angell", "city")
put(carData::Ornstein, "Ornstein")
put(carData::Friendly, "Friendly")
put(carData::Leinhardt, "Leinhardt", "country")
