"""History survives a killed process and a second app instance, with real processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

from karabakh_tui.store import open_history

WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from karabakh_tui.store import open_history
    data, count, pause = Path(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    go = Path(sys.argv[4]) if len(sys.argv) > 4 else None
    while go is not None and not go.exists():
        time.sleep(0.005)
    history = open_history(data)
    session = history.start_session("quiz", "karabakh", {"questions": count})
    for i in range(count):
        history.record_answer(session, f"q{i}:mc", "hash", "given", i % 3 != 0, seconds=1.5)
        print(i + 1, flush=True)
        time.sleep(pause)
    history.finish_session(session)
    print("done", flush=True)
    """
)


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", WRITER, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_sigkill_mid_quiz_keeps_every_answer_already_recorded(tmp_path):
    child = spawn(str(tmp_path), "1000", "0.01")
    recorded = 0
    while recorded < 25:
        line = child.stdout.readline()
        assert line, child.stderr.read()
        recorded = int(line)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    with open_history(tmp_path) as history:
        (session,) = history.sessions()
        assert session.finished is None
        assert session.total >= recorded
        assert [a.question_id for a in history.answers()][:recorded] == [f"q{i}:mc" for i in range(recorded)]
        assert history.integrity() == "ok"


def test_instances_open_and_write_at_once_without_locking_errors_or_loss(tmp_path):
    """Three app instances create the same new database together, then write in turn."""
    go = tmp_path / "go"
    children = [spawn(str(tmp_path), "100", "0", str(go)) for _ in range(3)]
    time.sleep(0.3)
    go.touch()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        assert out.splitlines()[-1] == "done" and "locked" not in err
    with open_history(tmp_path) as history:
        sessions = history.sessions()
        assert [s.total for s in sessions] == [100, 100, 100]
        assert all(s.finished for s in sessions)
        assert len(history.answers()) == 300
