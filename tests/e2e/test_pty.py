"""The real ``karabakh-tui quiz`` in a pseudo-terminal, answered with keys, checked in the history."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from karabakh_tui.store import open_history


class Terminal:
    """A child process on a pty of 80x24; collects everything it draws."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True, start_new_session=True)
        os.close(slave)
        self.screen = b""

    def read_until(self, needle: bytes, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.screen:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"{needle!r} never appeared; last output: {self.screen[-600:]!r}"
            ready, _, _ = select.select([self.master], [], [], min(remaining, 0.2))
            if ready:
                try:
                    self.screen += os.read(self.master, 65536)
                except OSError:
                    break

    def send(self, keys: bytes, settle: float = 0.3) -> None:
        os.write(self.master, keys)
        time.sleep(settle)

    def close(self) -> int:
        try:
            return self.process.wait(timeout=20)
        finally:
            os.close(self.master)


def test_a_quiz_in_a_real_terminal_is_kept_in_the_history(tmp_path: Path):
    script = Path(sys.executable).with_name("karabakh-tui")
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24", "KARABAKH_TUI_CACHE_DIR": str(tmp_path / "cache")}
    term = Terminal([str(script), "--data-dir", str(tmp_path), "quiz", "--questions", "3", "--type", "true_false", "--seed", "7"], env)
    try:
        for number in (1, 2, 3):
            term.read_until(f"Question {number}/3".encode())
            term.screen = b""
            term.send(b"t")
            term.read_until(b"Answer:")
            term.send(b"\r")
        term.read_until(b"Results")
        term.send(b"h")
        term.read_until(b"Personal best")
        term.send(b"\x11")
        assert term.close() == 0
    finally:
        if term.process.poll() is None:
            term.process.kill()
    with open_history(tmp_path) as history:
        (session,) = history.sessions()
        assert session.mode == "quiz" and session.finished and session.total == 3
        assert [a.given for a in history.answers()] == ["True", "True", "True"]
