# Writes the 16 datasets of the blind request set 2026-12f as plain CSV.
# Usage: Rscript generate_blind_2026_12f_data.R [OUTDIR]
source(file.path(dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))), "blind_csv.R"))
out <- blind_out("test/reference/data/blind-2026-12f")
# MASS
put(MASS::ships, "ships")
put(MASS::cpus, "cpus")                 # 'name' already identifies each machine
put(MASS::UScrime, "UScrime")
put(MASS::OME, "OME")
# shoes is a list of two vectors (material A and B, same 10 boys): one row per boy, wide
put(data.frame(boy = seq_along(MASS::shoes$A), A = MASS::shoes$A, B = MASS::shoes$B), "shoes")
put(MASS::Traffic, "Traffic")
put(MASS::michelson, "michelson")
put(MASS::coop, "coop")
put(MASS::epil, "epil")
# carData
put(carData::Wells, "Wells")
put(carData::Pottery, "Pottery")
put(carData::Guyer, "Guyer")
put(carData::Ericksen, "Ericksen", rowcol = "area")
put(carData::Wool, "Wool")
# datasets
put(datasets::attenu, "attenu")
put(datasets::USJudgeRatings, "USJudgeRatings", rowcol = "judge")
