#!/usr/bin/env python3
"""Trims the OULAD 2013 CSVs to what `swift run LearningAnalytics` reads.

Usage: python3 Scripts/reference/learning_analytics_data.py [DATA_DIR]
DATA_DIR holds the five source CSVs described in Examples/LearningAnalytics/Data/NOTICE.md
("The source copy"); without it, shared/data/oulad-2013 beside the repository is used. Writes
Examples/LearningAnalytics/Data/{assessments,studentAssessment,studentRegistration}.csv.

Changes (also listed in Examples/LearningAnalytics/Data/NOTICE.md):
- assessments.csv: the `weight` column dropped.
- studentAssessment.csv: rows with is_banked = 1 dropped, then the `is_banked` column.
- studentRegistration.csv: unchanged columns and rows.
- every file: the double quotes around fields removed (no field holds a comma or a quote).
"""
import csv
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "oulad-2013")
DST = os.path.join(ROOT, "Examples", "LearningAnalytics", "Data")

def trim(name, columns, keep=lambda row: True):
    with open(os.path.join(SRC, name), newline="") as f:
        rows = [r for r in csv.DictReader(f) if keep(r)]
    for r in rows:
        for c in columns:
            assert "," not in r[c] and '"' not in r[c], (name, r)
    with open(os.path.join(DST, name), "w", newline="") as f:
        f.write(",".join(columns) + "\n")
        for r in rows:
            f.write(",".join(r[c] for c in columns) + "\n")
    print(name, len(rows), "rows")

os.makedirs(DST, exist_ok=True)
trim("assessments.csv", ["code_module", "code_presentation", "id_assessment", "assessment_type", "date"])
trim("studentAssessment.csv", ["id_assessment", "id_student", "date_submitted", "score"],
     keep=lambda r: r["is_banked"] != "1")
trim("studentRegistration.csv",
     ["code_module", "code_presentation", "id_student", "date_registration", "date_unregistration"])
