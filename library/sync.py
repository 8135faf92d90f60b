"""Bringing a corpus that is a git work tree up to date with its upstream.

What ``git pull --ff-only`` does, in its two steps: ``git fetch`` (the network,
which may hang: it runs under a timeout and is killed past it, which leaves the
work tree as it was) then ``git merge --ff-only`` of the upstream (local and
quick; it refuses diverged history and local changes it would overwrite, and then
changes nothing). Only git runs, on the user's own repository, and it never asks
anything: no terminal prompt, no askpass program, no controlling terminal for
ssh to prompt on (its own session), no hooks, no file-system monitor. Every
failure is one line, raised as ``SyncError``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tomllib
from dataclasses import dataclass, field

from library.scan import CANDIDATE_SUFFIXES, DOCUMENT_SUFFIXES
from library.sidecars import posts_beside
from models.regular_file import settings_text

TIMEOUT = 60.0  # seconds a fetch may take
_RUNNING: set[subprocess.Popen[bytes]] = set()  # git under way, for ``stop_git``
GONE = "no such folder or file any more (moved or deleted)"
GIT = ("git", "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false")
QUIET_ENV = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_ASKPASS": "",  # set and empty: git runs no askpass program, not even a configured one
    "SSH_ASKPASS": "",
    "SSH_ASKPASS_REQUIRE": "never",
    "GCM_INTERACTIVE": "never",
    "LC_ALL": "C",  # messages are read below
}


class SyncError(Exception):
    """Why a corpus could not be synced, in one line; its work tree is as it was."""


@dataclass(frozen=True)
class Pulled:
    """The documents a sync brought: added, changed and removed (absolute paths)."""

    root: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # files of no article: taxonomies, sidecars

    def paths(self) -> list[str]:
        """Every file the index may hold that the sync brought, changed or removed."""
        return [*self.added, *self.changed, *self.removed, *self.others]

    def summary(self) -> str:
        """``N new, M changed, K removed``."""
        return f"{len(self.added)} new, {len(self.changed)} changed, {len(self.removed)} removed"


def _git(folder: str, *args: str) -> str:
    """Run git in ``folder``; its output, or ``SyncError`` with git's last words."""
    try:
        process = subprocess.Popen(
            [*GIT, *args],
            cwd=folder,
            env={**os.environ, **QUIET_ENV},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,  # no controlling terminal, and a group to kill
        )
    except FileNotFoundError:
        raise SyncError("git is not installed" if os.path.isdir(folder) else GONE) from None
    _RUNNING.add(process)
    try:
        out, err = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill(process)
        process.communicate()
        raise SyncError(f"git {args[0]} took longer than {TIMEOUT:.0f} s; stopped") from None
    except BaseException:  # a Ctrl-C: git, in a session of its own, did not get it
        _kill(process)
        raise
    finally:
        _RUNNING.discard(process)
    if process.returncode:
        lines = [line.strip() for line in err.decode(errors="replace").splitlines()]
        raise SyncError(_reason(lines))
    return out.decode(errors="surrogateescape")


def stop_git() -> None:
    """End each git this process started that still runs: a reader quitting during a
    fetch that hangs stayed until the fetch's timeout, its terminal already given back."""
    for process in list(_RUNNING):
        _kill(process)


def _kill(process: subprocess.Popen[bytes]) -> None:
    """End git and the transport it started (its own process group)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


def _reason(lines: list[str]) -> str:
    """The line of git's error output that says what went wrong."""
    text = " ".join(lines)
    if "fast-forward" in text:
        return "history has diverged from the upstream; nothing changed (merge it with git)"
    if "would be overwritten" in text:
        return "local changes would be overwritten; nothing changed (commit or stash them)"
    if "unresolved conflict" in text or "unmerged files" in text:
        return (
            "a merge has files with unresolved conflicts; nothing changed (resolve them with git)"
        )
    for prefix in ("fatal:", "error:"):
        found = [line for line in lines if line.startswith(prefix)]
        if found:
            return found[0].removeprefix(prefix).strip()
    return next((line for line in reversed(lines) if line), "git failed")


def pull(root: str) -> Pulled:
    """Fast-forward the git work tree holding ``root`` to its upstream; which documents
    under ``root`` that brought. Raises ``SyncError``."""
    root = os.path.abspath(root)
    if not os.path.exists(root):  # its parent is no work tree, or is gone too
        raise SyncError(GONE)
    folder = root if os.path.isdir(root) else os.path.dirname(root)
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
    except SyncError:
        raise SyncError("not a git work tree") from None
    if _ignored(folder, root):  # files beside a project's code, or a package's own sample
        raise SyncError(f"not a git work tree (the one at {top} ignores it)")
    if _is_lede(top):  # the sample in lede's clone, which ``scripts/run`` opens
        raise SyncError(
            f"the work tree at {top} is lede's own: pulling would update lede, not news "
            "(to update lede: git pull there)"
        )
    try:
        upstream = _git(folder, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}")
    except SyncError:
        raise SyncError("the branch has no upstream (git branch --set-upstream-to)") from None
    before = _git(folder, "rev-parse", "HEAD").strip()
    _git(folder, "fetch", "--quiet", "--no-recurse-submodules")
    _git(folder, "merge", "--ff-only", "--quiet", upstream.strip())
    after = _git(folder, "rev-parse", "HEAD").strip()
    if after == before:
        return Pulled(root)
    diff = _git(folder, "diff", "--name-status", "--no-renames", "-z", before, after, "--", ".")
    return _documents(root, top, diff.split("\0"))


def _ignored(folder: str, path: str) -> bool:
    """Whether the work tree around ``path`` ignores it: pulling would change that
    repository (lede's own clone, for the sample installed inside it), not the corpus."""
    try:
        _git(folder, "check-ignore", "--quiet", "--", path)
    except SyncError:  # git says "not ignored" by failing
        return False
    return True


def _is_lede(top: str) -> bool:
    """Whether the work tree at ``top`` is lede's own source (its ``pyproject.toml`` names
    the project ``lede``)."""
    text = settings_text(os.path.join(top, "pyproject.toml"))  # no FIFO waited on
    try:
        project = tomllib.loads(text or "").get("project")
    except (tomllib.TOMLDecodeError, RecursionError):  # tomllib recurses per nested [
        return False
    return isinstance(project, dict) and project.get("name") == "lede"


def _documents(root: str, top: str, fields: list[str]) -> Pulled:
    """The documents (and the other files the index holds) under ``root`` in ``git diff
    --name-status -z`` output."""
    pulled = Pulled(root)
    kinds = {"A": pulled.added, "M": pulled.changed, "T": pulled.changed, "D": pulled.removed}
    real = os.path.realpath(root)  # git names files from the resolved top of the tree
    for status, name in zip(fields[::2], fields[1::2], strict=False):
        inside = os.path.relpath(os.path.join(top, name), real)
        suffix = os.path.splitext(name)[1].lower()
        if inside.startswith(os.pardir) or suffix not in CANDIDATE_SUFFIXES:
            continue
        path = root if inside == os.curdir else os.path.join(root, inside)
        if suffix in DOCUMENT_SUFFIXES:
            kinds.get(status[:1], pulled.changed).append(path)
        else:
            pulled.others.append(path)
    # A post whose sidecar alone came, changed or went is a post changed.
    listed = {*pulled.added, *pulled.changed, *pulled.removed}
    beside = (post for post in posts_beside(pulled.others) if os.path.isfile(post))
    pulled.changed.extend(post for post in dict.fromkeys(beside) if post not in listed)
    return pulled
