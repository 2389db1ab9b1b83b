# Blind set 2026-12g: writes 15 datasets as plain CSV.
# Usage: Rscript generate_blind_2026_12g_data.R [OUTDIR]
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "blind_csv.R"))
out <- blind_out("test/reference/data/blind-2026-12g")
# MASS
put(MASS::road, "road", rowcol = "state")
put(MASS::petrol, "petrol")
put(MASS::cement, "cement")
put(MASS::stormer, "stormer")
put(MASS::GAGurine, "GAGurine")
put(MASS::housing, "housing")
# carData
put(carData::Adler, "Adler")
put(carData::Ginzberg, "Ginzberg")
put(carData::Greene, "Greene")
put(carData::Highway1, "Highway1")
put(carData::KosteckiDillon, "KosteckiDillon")
put(carData::Soils, "Soils")
put(carData::WVS, "WVS")
put(carData::Sahlins, "Sahlins")
# datasets: quarter of the year as a decimal time (1962.25 = 1962 Q2)
fr <- datasets::freeny
fr$y <- as.numeric(fr$y)
fr <- cbind(quarter = as.numeric(rownames(fr)), fr)
rownames(fr) <- NULL
put(fr, "freeny")
