"""How well the importer finds articles' structure: ``manage.py evaluate_import CORPUS_DIR``.

    manage.py evaluate_import tests/import_corpus [--part held_out] [--details]
                              [--min-heading-f1 0.95] [--min-block-accuracy 0.9]

Every article file in the folder with a ``NAME.expected.json`` sidecar is read
as an import would read it (nothing is written) and compared with its sidecar
(see blog.importer.evaluation). Prints one line per file, then heading
precision, recall and F1 and block-type accuracy for each part (subfolder) of
the corpus and overall. ``--part`` (repeatable) keeps only those subfolders; the
held-out part must be reported on its own, as it is never tuned on.

With a threshold option the command fails (exit status 1) when the selected
files' overall figures are below it, so CI can enforce them.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from blog.importer.evaluation import corpus_files, evaluate_file, normalise_heading, scores


class Command(BaseCommand):
    help = "Compare imported structure with the expected structure of a corpus of articles."

    def add_arguments(self, parser):
        parser.add_argument("corpus", metavar="CORPUS_DIR")
        parser.add_argument(
            "--part", action="append", help="A subfolder of the corpus (repeatable)."
        )
        parser.add_argument(
            "--details", action="store_true", help="Show each file's missed and extra headings."
        )
        parser.add_argument("--min-heading-f1", type=float)
        parser.add_argument("--min-block-accuracy", type=float)

    def handle(self, *args, corpus, part, details, min_heading_f1, min_block_accuracy, **opts):
        root = Path(corpus)
        if not root.is_dir():
            raise CommandError(f"No such folder: {corpus}")
        for name in part or []:
            if not (root / name).is_dir():
                raise CommandError(f"The corpus has no part “{name}” (no folder {root / name}).")
        files = corpus_files(root, part)
        if not files:
            raise CommandError(f"No article with a .expected.json sidecar in {corpus}.")

        groups = {}
        for path in files:
            relative = path.relative_to(root)
            group = relative.parts[0] if len(relative.parts) > 1 else "."
            groups.setdefault(group, []).append(evaluate_file(path))

        for group, results in groups.items():
            self.stdout.write(f"== {group}")
            for result in results:
                self.write_file(root, result, details)
            self.write_scores(group, scores(results))
        everything = [result for results in groups.values() for result in results]
        overall = scores(everything)
        if len(groups) > 1:
            self.write_scores("overall", overall)
        self.check_thresholds(overall, min_heading_f1, min_block_accuracy)

    def write_file(self, root, result, details):
        name = result.path.relative_to(root)
        if result.error:
            self.stdout.write(f"  {name}: FAILED: {result.error}")
            return
        file_scores = scores([result])
        counts = [
            f"{key} {found}/{expected}"
            for key, (expected, found) in result.counts.items()
            if expected != found
        ]
        self.stdout.write(
            f"  {name}: headings P {file_scores['heading_precision']:.2f} "
            f"R {file_scores['heading_recall']:.2f} F1 {file_scores['heading_f1']:.2f}; "
            f"blocks {result.block_matches}/{result.block_total} "
            f"({file_scores['block_accuracy']:.2f}); title {'ok' if result.title_ok else 'WRONG'}"
            + (f"; counts off: {', '.join(counts)}" if counts else "")
        )
        if details:
            expected = {normalise_heading(h) for h in result.expected_headings}
            found = {normalise_heading(h) for h in result.found_headings}
            missed = [h for h in result.expected_headings if normalise_heading(h) not in found]
            extra = [h for h in result.found_headings if normalise_heading(h) not in expected]
            if missed:
                self.stdout.write(f"      missed headings: {missed}")
            if extra:
                self.stdout.write(f"      extra headings:  {extra}")
            if result.expected_blocks != result.found_blocks:
                self.stdout.write(f"      expected blocks: {result.expected_blocks}")
                self.stdout.write(f"      found blocks:    {result.found_blocks}")

    def write_scores(self, label, figures):
        self.stdout.write(
            f"{label}: {figures['files']} files ({figures['failed']} failed), "
            f"titles {figures['titles']}/{figures['files']}, "
            f"headings P {figures['heading_precision']:.3f} R {figures['heading_recall']:.3f} "
            f"F1 {figures['heading_f1']:.3f}, block accuracy {figures['block_accuracy']:.3f}, "
            f"counts right in {figures['counts_ok']}/{figures['files']}"
        )

    def check_thresholds(self, overall, min_heading_f1, min_block_accuracy):
        failures = []
        if min_heading_f1 is not None and overall["heading_f1"] < min_heading_f1:
            failures.append(f"heading F1 {overall['heading_f1']:.3f} < {min_heading_f1}")
        if min_block_accuracy is not None and overall["block_accuracy"] < min_block_accuracy:
            failures.append(
                f"block accuracy {overall['block_accuracy']:.3f} < {min_block_accuracy}"
            )
        if failures:
            raise CommandError("Below the thresholds: " + "; ".join(failures) + ".")
