"""Start-up time and peak memory of a terminal app, measured from outside in a pseudo-terminal.

The clock runs from spawning the process until a marker text appears in what it draws;
then ctrl+q ends it and ``wait4`` reports its peak resident memory.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import termios
import time


def launch_until(argv: list[str], marker: bytes, env: dict[str, str], timeout: float = 30.0) -> tuple[float, float]:
    """Seconds until ``marker`` is drawn, and the peak memory in MiB."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: the pty is its terminal
        os.setsid()
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.execve(argv[0], argv, env)
    os.close(slave)
    seen = b""
    elapsed = None
    deadline = start + timeout
    try:
        while elapsed is None:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{argv} never drew {marker!r}")
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                seen += os.read(master, 65536)
                if marker in seen:
                    elapsed = time.perf_counter() - start
        os.write(master, b"\x11")  # ctrl+q
        end = time.perf_counter() + 10
        while time.perf_counter() < end:
            done, status, usage = os.wait4(pid, os.WNOHANG)
            if done:
                return elapsed, usage.ru_maxrss / 1024
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                try:
                    os.read(master, 65536)
                except OSError:
                    pass
        os.kill(pid, 9)
        _, _, usage = os.wait4(pid, 0)
        return elapsed, usage.ru_maxrss / 1024
    finally:
        os.close(master)
