"""The quick start's ``scripts/run`` says what it sets up, installs only after a change,
and leaves no build folder that would bring a removed module back.

The scripts run as written, in a copy of the repository's layout, with a ``python3`` on
the PATH that makes a stand-in venv: its ``pip`` notes each install and leaves a
``build/`` folder as a real one does, its ``lede`` prints what it was asked to open.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

STAND_IN_PYTHON = """#!/usr/bin/env bash
# python3 -m venv --upgrade-deps .venv
mkdir -p "$4/bin"
cat > "$4/bin/pip" <<'PIP'
#!/usr/bin/env bash
echo "$@" >> pip.log
mkdir -p build/lib
PIP
printf '#!/usr/bin/env bash\\necho "lede $*"\\n' > "$4/bin/lede"
cp "$0" "$4/bin/python"
chmod +x "$4/bin/pip" "$4/bin/lede"
"""


def make_repository(root: Path) -> Path:
    """A repository with the real scripts, one source file and a stand-in python3."""
    repo = root / "lede"
    (repo / "scripts").mkdir(parents=True)
    for name in ("run", "install"):
        shutil.copy2(REPO / "scripts" / name, repo / "scripts" / name)
    (repo / "models").mkdir()
    (repo / "models" / "article.py").write_text("TITLE = 'x'\n")
    (repo / "feeds").mkdir()
    tools = root / "tools"
    tools.mkdir()
    (tools / "python3").write_text(STAND_IN_PYTHON)
    (tools / "python3").chmod(0o755)
    return repo


def run(repo: Path, tools: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": f"{tools}:{os.environ['PATH']}"}
    return subprocess.run(
        [repo / "scripts" / "run"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def installs(repo: Path) -> list[str]:
    return (repo / "pip.log").read_text().splitlines()


def age_last_install(repo: Path) -> None:
    """Date the last install back, so that a change made now is newer whatever the
    clock's resolution."""
    for stamp in (repo / ".venv").glob(".installed*"):
        earlier = stamp.stat().st_mtime - 60
        os.utime(stamp, (earlier, earlier))


def test_the_first_run_says_it_sets_up_and_the_next_opens_at_once(tmp_path: Path) -> None:
    """It said nothing for the minute a first install takes, and installed again, for
    seconds, every time it was run."""
    repo = make_repository(tmp_path)
    first = run(repo, tmp_path / "tools")
    assert "setting up .venv" in first.stderr
    assert first.stdout == f"lede {repo}/feeds\n"
    assert len(installs(repo)) == 1
    assert not (repo / "build").exists()

    again = run(repo, tmp_path / "tools")
    assert (again.stderr, again.stdout) == ("", f"lede {repo}/feeds\n")
    assert len(installs(repo)) == 1


def test_a_changed_or_removed_source_is_installed_again(tmp_path: Path) -> None:
    repo = make_repository(tmp_path)
    run(repo, tmp_path / "tools")
    age_last_install(repo)
    (repo / "models" / "article.py").write_text("TITLE = 'y'\n")
    assert "installing" in run(repo, tmp_path / "tools").stderr
    assert len(installs(repo)) == 2

    age_last_install(repo)
    (repo / "models" / "article.py").unlink()
    run(repo, tmp_path / "tools")
    assert len(installs(repo)) == 3
    assert not (repo / "build").exists()


def test_the_tools_caches_and_reports_are_no_change(tmp_path: Path) -> None:
    """The first ``scripts/test`` made its tools' caches (``.pytest_cache``, ``.mypy_cache``)
    beside the sources, and a failed snapshot its report: the next ``scripts/run`` took the
    folder's new entries for a change and installed again, for seconds, though no source
    had changed."""
    repo = make_repository(tmp_path)
    run(repo, tmp_path / "tools")
    age_last_install(repo)
    for made in [repo, *repo.rglob("*")]:  # the sources, made before the install
        if ".venv" not in made.parts:
            earlier = made.stat().st_mtime - 120
            os.utime(made, (earlier, earlier))
    for cache in (".pytest_cache", ".mypy_cache", ".ruff_cache"):
        (repo / cache).mkdir()
        (repo / cache / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n")
    (repo / "snapshot_report.html").write_text("<html></html>\n")
    again = run(repo, tmp_path / "tools")
    assert (again.stderr, len(installs(repo))) == ("", 1)

    (repo / "library").mkdir()  # a package the sources gain is still a change
    (repo / "library" / "index.py").write_text("ROWS = 0\n")
    assert "installing" in run(repo, tmp_path / "tools").stderr
