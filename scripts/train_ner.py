"""Train the CRF named-entity model that ships as kg/ner/model.crfsuite (run by hand, never in CI).

    python scripts/train_ner.py                 # held-out scores, then the shipped model
    python scripts/train_ner.py --tune --c1 0.01  # train → dev only, to choose settings
    python scripts/train_ner.py --cv 3            # 3-fold cross-validation over train + dev

Data: /work/shared/data/ner (People's Daily 1998 and CLUENER2020; see docs/ner.md for sources).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from kg.io import write_text_atomic
from kg.ner.augment import AugmentParams
from kg.ner.evaluate import format_table
from kg.ner.recipe import cross_validate, run
from kg.ner.tagger import MODEL_PATH
from kg.ner.train import TrainingParams

DEFAULT_DATA = Path("/work/shared/data/ner")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with pd98_dev.jsonl, cluener_train.jsonl"
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help="where the shipped model is written")
    parser.add_argument("--report", type=Path, default=MODEL_PATH.with_name("training_report.json"))
    parser.add_argument(
        "--cluener-names", action="store_true", help="also train on CLUENER's name-only sentences (as PER)"
    )
    parser.add_argument("--tune", action="store_true", help="train on train, score on dev, write nothing")
    parser.add_argument(
        "--cv", type=int, default=0, metavar="K", help="K-fold cross-validation over train + dev, write nothing"
    )
    parser.add_argument("--c1", type=float, default=TrainingParams.c1)
    parser.add_argument("--c2", type=float, default=TrainingParams.c2)
    parser.add_argument("--iterations", type=int, default=TrainingParams.max_iterations)
    parser.add_argument(
        "--augment", type=int, default=AugmentParams.copies, metavar="N", help="mention-replaced copies per sentence"
    )
    parser.add_argument("--replace-share", type=float, default=AugmentParams.replace_share)
    parser.add_argument("--dictionary-share", type=float, default=AugmentParams.dictionary_share)
    parser.add_argument(
        "--augment-types", default=",".join(AugmentParams.types), help="types whose mentions are replaced (PER,LOC,ORG)"
    )
    args = parser.parse_args()

    params = TrainingParams(c1=args.c1, c2=args.c2, max_iterations=args.iterations)
    augment = AugmentParams(
        args.augment, args.replace_share, args.dictionary_share, tuple(args.augment_types.split(","))
    )
    if args.cv:
        print(
            f"{args.cv}-fold cross-validation over pd98 train + dev:\n"
            + format_table(cross_validate(args.data, params, args.cv, augment=augment))
        )
        return
    report = run(args.data, args.out, params, use_cluener=args.cluener_names, tune=args.tune, augment=augment)
    print("jieba POS baseline on pd98 test:\n" + format_table(report.baseline_test))
    for title, scores in (
        ("CRF on pd98 dev", report.model_dev),
        ("CRF on pd98 test (held out)", report.model_test),
        ("CRF on CLUENER held-out part, mapped to PER/ORG/LOC", report.cluener_test),
    ):
        if scores:
            print(f"{title}:\n{format_table(scores)}")
    if not args.tune:
        print(
            f"tagging {report.tagging_chars_per_second:,.0f} chars/s; "
            f"jieba.posseg {report.jieba_posseg_chars_per_second:,.0f} chars/s"
        )
        write_text_atomic(args.report, json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n")


if __name__ == "__main__":
    main()
